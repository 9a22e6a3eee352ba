import ArgumentParser
struct Check: ParsableCommand { func run() throws {} }
