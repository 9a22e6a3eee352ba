import ArgumentParser

@main
struct Needs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "Turn municipal training-needs survey exports into curriculum-planning reports.",
        version: "0.1.0",
        subcommands: [Report.self, Check.self, Rows.self]
    )
}
