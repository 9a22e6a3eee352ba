import ArgumentParser
import NeedsKit

/// How the figures are computed, shared by `report` and `plan` so that a plan from either rests
/// on the same figures.
struct FigureFlags: ParsableArguments {
    @Option(help: "respondent (each counts once), municipality (each municipality counts equally within its country), or a numeric column's name.")
    var weights = "respondent"

    @Option(help: "How ALL combines countries: pooled (every respondent once) or country-equal.")
    var region = "pooled"

    // Unconditional: `--min-cell -3` is a value to refuse, not a missing one before an option `-3`.
    @Option(parsing: .unconditional, help: "Blank every figure computed from fewer respondents than this.")
    var minCell = 5

    func validate() throws {
        guard AggregationOptions.Region(rawValue: region) != nil else {
            throw ValidationError("--region is pooled or country-equal")
        }
        guard minCell >= 1 else { throw ValidationError("--min-cell must be at least 1") }
        guard !weights.isEmpty else { throw ValidationError("--weights needs a value: respondent, municipality or a numeric column's name") }
    }

    func apply(to options: inout RunOptions) {
        options.weigh(by: weights)
        options.aggregation.region = AggregationOptions.Region(rawValue: region)!
        options.aggregation.minCell = minCell
    }
}
