import Foundation

/// Clean rows on their way from the normalising thread to the one that aggregates and writes
/// them: answer ids, not answers, and what the normaliser interned since the last batch, so the
/// other side can mirror its tables (`CleanRowSink`).
struct RowBatch {
    struct Head {
        var idHash: UInt64
        var line: Int
        var file: Int32
        var place: UInt32
        var submitted: Int32
        var weight: Double
        /// Where the row's extra answers start in `extras`.
        var extras: Int32
        /// The row's place in `extraPlaces` when `place` is `Normalizer.Row.extraPlaceID`.
        var extraPlace: Int32
    }

    /// Entries of the normaliser's tables, to add before reading the rows.
    var fresh: [Normalizer.Fresh] = []
    /// Files started, in order (`Head.file` counts them across batches).
    var files: [String] = []
    var heads: [Head] = []
    /// `questions` ids per row.
    var answers: [UInt32] = []
    var extras: [Answer] = []
    var extraPlaces: [Normalizer.PlaceReading] = []
}

/// Hands a normaliser's clean rows to a consumer thread in batches, in order (like `Handoff`,
/// without building a `Respondent` per row).
///
///     let rows = RowHandoff(questions: instrument.questions.count) { sink.consume($0) }
///     rows.startFile("EE.csv"); … rows.send(normalizer) after each clean row …
///     rows.finish()   // returns once the consumer has taken every row
final class RowHandoff: @unchecked Sendable {
    private let queue = BatchQueue<RowBatch>(capacity: 8)
    private let drained = DispatchSemaphore(value: 0)
    private var batch = RowBatch()
    private var files: Int32 = -1
    private let batchSize: Int

    init(batchSize: Int = 512, consume: @escaping (RowBatch) -> Void) {
        self.batchSize = batchSize
        let thread = Thread { [queue, drained] in
            while let next = queue.take() {
                for batch in next { consume(batch) }
            }
            drained.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Dropped without `finish` (an error on the way): the consumer thread ends too.
    deinit { queue.close() }

    /// The rows sent from now on come from this file. Called from the producing thread only.
    func startFile(_ name: String) {
        batch.files.append(name)
        files += 1
    }

    /// Sends the normaliser's last clean row, with what it interned since the last call.
    func send(_ normalizer: Normalizer) {
        let row = normalizer.row
        if !normalizer.fresh.isEmpty { batch.fresh += normalizer.takeFresh() }
        var extraPlace: Int32 = -1
        if let place = row.extraPlace {
            extraPlace = Int32(batch.extraPlaces.count)
            batch.extraPlaces.append(place)
        }
        batch.heads.append(RowBatch.Head(
            idHash: row.idHash, line: row.line, file: files, place: row.place, submitted: row.submitted,
            weight: row.weight, extras: Int32(batch.extras.count), extraPlace: extraPlace))
        batch.answers.append(contentsOf: row.answers)
        if !row.extras.isEmpty { batch.extras.append(contentsOf: row.extras) }
        if batch.heads.count >= batchSize { flush() }
    }

    /// Sends what is left and waits until the consumer has taken every row.
    func finish() {
        flush()
        queue.close()
        drained.wait()
    }

    private func flush() {
        guard !batch.heads.isEmpty || !batch.fresh.isEmpty || !batch.files.isEmpty else { return }
        queue.put([batch])
        batch = RowBatch()
        batch.heads.reserveCapacity(batchSize)
    }
}

/// The consumer of clean rows: aggregates them and writes clean/responses.csv, from tables that
/// mirror the normaliser's, each entry scored and encoded once when it arrives. The result is
/// the same as `Aggregator.add` and `CleanResponsesWriter.add` of each row's `Respondent`.
final class CleanRowSink {
    private let instrument: Instrument
    private let aggregator: Aggregator
    private let clean: CleanResponsesWriter?
    private let questionCount: Int

    private var answers: [[Answer]]
    private var places: [Normalizer.PlaceReading] = []
    private var files: [String] = []
    private var encodedFiles: [[UInt8]] = []

    /// Per topic: its importance and competence questions (-1: none) and each answer id's score (index 0: no answer).
    private var importance: [(question: Int, scores: [Double])]
    private var competence: [(question: Int, scores: [Double])]
    private let demandQuestion: Int
    /// Per answer id of the demand question, the topics it asks training on.
    private var demanded: [[Int]] = [[]]
    private let groupQuestion: Int
    /// Per answer id of the `--by` question, the group's name ("" when unanswered).
    private var groupNames: [String] = [""]
    /// Accumulator slots per place id (and `--by` answer id); -1 not yet known.
    private var slotOfPlace: [Int] = [-1]
    private var slotOfGroup: [UInt64: Int] = [:]
    private var scratch: [Aggregator.TopicScores]

    /// clean/responses.csv's fields, encoded once: per carried column and answer id; per place
    /// (country, code, name); per role answer id.
    private let roleQuestion: Int
    private var placeFields: [[UInt8]] = []
    private var roleFields: [[UInt8]] = [[]]
    private var columnOf: [Int]
    private var answerFields: [[[UInt8]]]

    /// Submission dates seen, first and last (yyyymmdd).
    private(set) var days: (first: Int32, last: Int32)? = nil
    /// Called with each row's respondent, for the panel across waves; nil when no one needs them.
    private let respondents: ((Respondent) -> Void)?

    init(instrument: Instrument, aggregator: Aggregator, clean: CleanResponsesWriter?, respondents: ((Respondent) -> Void)? = nil) {
        self.instrument = instrument
        self.aggregator = aggregator
        self.clean = clean
        self.respondents = respondents
        questionCount = instrument.questions.count
        answers = Array(repeating: [], count: questionCount)
        let topics = aggregator.topicKeys.indices
        importance = topics.map { (aggregator.ratedQuestions(topic: $0).importance ?? -1, [.nan]) }
        competence = topics.map { (aggregator.ratedQuestions(topic: $0).competence ?? -1, [.nan]) }
        demandQuestion = aggregator.demandQuestion ?? -1
        groupQuestion = aggregator.groupQuestion ?? -1
        roleQuestion = instrument.roleQuestion.flatMap { instrument.questionIndex[$0.name] } ?? -1
        scratch = Array(repeating: (.nan, .nan, false), count: aggregator.topicKeys.count)
        columnOf = Array(repeating: -1, count: questionCount)
        answerFields = []
        if let clean {
            for (k, q) in clean.columns.enumerated() { columnOf[q] = k }
            answerFields = Array(repeating: [[]], count: clean.columns.count)
        }
    }

    func consume(_ batch: RowBatch) {
        for name in batch.files {
            files.append(name)
            encodedFiles.append(clean?.encode { $0.field(name, neutralise: true) } ?? [])
        }
        for entry in batch.fresh { learn(entry) }
        let n = questionCount
        batch.answers.withUnsafeBufferPointer { ids in
            for (r, head) in batch.heads.enumerated() {
                let row = UnsafeBufferPointer(rebasing: ids[r * n ..< r * n + n])
                add(head, row, batch)
            }
        }
    }

    private func learn(_ entry: Normalizer.Fresh) {
        switch entry {
        case let .answer(q, answer):
            answers[q].append(answer)
            for t in importance.indices where importance[t].question == q {
                importance[t].scores.append(aggregator.scores(topic: t, question: q, answer: answer).importance)
            }
            for t in competence.indices where competence[t].question == q {
                competence[t].scores.append(aggregator.scores(topic: t, question: q, answer: answer).competence)
            }
            if q == demandQuestion { demanded.append(aggregator.topicKeys.indices.filter { aggregator.demands(topic: $0, answer: answer) }) }
            if q == groupQuestion { groupNames.append(answer.cleanValue) }
            if let clean {
                if q == roleQuestion {
                    roleFields.append(clean.encode { writer in
                        if case let .choice(name) = answer { writer.field(name, neutralise: true) }
                    })
                }
                if columnOf[q] >= 0 {
                    let k = columnOf[q]
                    answerFields[k].append(clean.encode { CleanResponsesWriter.write(answer, scrubbed: clean.scrubbed[k], into: &$0) })
                }
            }
        case let .place(place):
            places.append(place)
            slotOfPlace.append(-1)
            placeFields.append(clean.map { Self.encode(place, clean: $0) } ?? [])
        }
    }

    private static func encode(_ place: Normalizer.PlaceReading?, clean: CleanResponsesWriter) -> [UInt8] {
        clean.encode { writer in
            writer.field(place?.country ?? "", neutralise: false)
            writer.field(place?.municipalityCode ?? "", neutralise: false)
            writer.field(place?.municipalityName ?? "", neutralise: true)
        }
    }

    private func answer(_ id: UInt32, question q: Int, _ head: RowBatch.Head, _ batch: RowBatch) -> Answer? {
        if id == 0 { return nil }
        if id & Normalizer.Row.extra != 0 { return batch.extras[Int(head.extras) + Int(id & ~Normalizer.Row.extra)] }
        return answers[q][Int(id) - 1]
    }

    private func place(_ head: RowBatch.Head, _ batch: RowBatch) -> Normalizer.PlaceReading? {
        if head.place == Normalizer.Row.extraPlaceID { return batch.extraPlaces[Int(head.extraPlace)] }
        return head.place == 0 ? nil : places[Int(head.place) - 1]
    }

    @inline(__always)
    private func add(_ head: RowBatch.Head, _ ids: UnsafeBufferPointer<UInt32>, _ batch: RowBatch) {
        // The cell: known per place (and group) after its first row.
        let slot: Int
        let common = head.place != Normalizer.Row.extraPlaceID
        if groupQuestion < 0 && common && slotOfPlace[Int(head.place)] >= 0 {
            slot = slotOfPlace[Int(head.place)]
        } else {
            var group: String? = nil
            var groupKey: UInt64 = 0
            if groupQuestion >= 0 {
                let id = ids[groupQuestion]
                group = id & Normalizer.Row.extra == 0 ? groupNames[Int(id)] : answer(id, question: groupQuestion, head, batch)?.cleanValue ?? ""
                groupKey = UInt64(head.place) << 32 | UInt64(id)
            }
            if let known = groupQuestion >= 0 && common && ids[groupQuestion] & Normalizer.Row.extra == 0 ? slotOfGroup[groupKey] : nil {
                slot = known
            } else {
                let place = place(head, batch)
                slot = aggregator.slot(for: Aggregator.Cell(
                    country: place?.country ?? "", municipality: place?.municipalityCode ?? "?" + (place?.municipalityName ?? ""),
                    group: group), municipalityName: place?.municipalityName)
                if common {
                    if groupQuestion < 0 {
                        slotOfPlace[Int(head.place)] = slot
                    } else if ids[groupQuestion] & Normalizer.Row.extra == 0 {
                        slotOfGroup[groupKey] = slot
                    }
                }
            }
        }
        for t in scratch.indices {
            scratch[t] = (score(importance[t], ids, head, batch, \.importance, t), score(competence[t], ids, head, batch, \.competence, t), false)
        }
        if demandQuestion >= 0 {
            let id = ids[demandQuestion]
            if id & Normalizer.Row.extra == 0 {
                for t in demanded[Int(id)] { scratch[t].demanded = true }
            } else {
                let answer = answer(id, question: demandQuestion, head, batch)
                for t in scratch.indices where aggregator.demands(topic: t, answer: answer) { scratch[t].demanded = true }
            }
        }
        aggregator.add(slot: slot, weight: head.weight, scores: scratch)
        if head.submitted != 0 {
            days = (min(days?.first ?? head.submitted, head.submitted), max(days?.last ?? head.submitted, head.submitted))
        }
        if let clean { write(head, ids, batch, into: clean) }
        if let respondents { respondents(respondent(head, ids, batch)) }
    }

    @inline(__always)
    private func score(_ scale: (question: Int, scores: [Double]), _ ids: UnsafeBufferPointer<UInt32>, _ head: RowBatch.Head,
                       _ batch: RowBatch, _ part: KeyPath<(importance: Double, competence: Double), Double>, _ t: Int) -> Double {
        guard scale.question >= 0 else { return .nan }
        let id = ids[scale.question]
        if id & Normalizer.Row.extra == 0 { return scale.scores[Int(id)] }
        return aggregator.scores(topic: t, question: scale.question, answer: answer(id, question: scale.question, head, batch))[keyPath: part]
    }

    private func write(_ head: RowBatch.Head, _ ids: UnsafeBufferPointer<UInt32>, _ batch: RowBatch, into clean: CleanResponsesWriter) {
        clean.add { writer in
            writer.field(FNV.respondentID(head.idHash), neutralise: false)
            writer.encoded(encodedFiles[Int(head.file)])
            writer.field(head.line)
            if head.place == Normalizer.Row.extraPlaceID {
                writer.encoded(Self.encode(batch.extraPlaces[Int(head.extraPlace)], clean: clean))
            } else if head.place == 0 {
                writer.encoded(Self.encode(nil, clean: clean))
            } else {
                writer.encoded(placeFields[Int(head.place) - 1])
            }
            if roleQuestion >= 0, ids[roleQuestion] & Normalizer.Row.extra == 0 {
                writer.encoded(roleFields[Int(ids[roleQuestion])])
            } else {
                var role = ""
                if roleQuestion >= 0, case let .choice(name)? = answer(ids[roleQuestion], question: roleQuestion, head, batch) { role = name }
                writer.field(role, neutralise: true)
            }
            writer.field(head.submitted == 0 ? "" : SubmissionDate.format(head.submitted), neutralise: false)
            for (k, q) in clean.columns.enumerated() {
                let id = ids[q]
                if id & Normalizer.Row.extra == 0 {
                    writer.encoded(answerFields[k][Int(id)])
                } else {
                    CleanResponsesWriter.write(answer(id, question: q, head, batch), scrubbed: clean.scrubbed[k], into: &writer)
                }
            }
        }
    }

    /// The row as a respondent (for the panel across waves).
    private func respondent(_ head: RowBatch.Head, _ ids: UnsafeBufferPointer<UInt32>, _ batch: RowBatch) -> Respondent {
        var all = [Answer?](repeating: nil, count: questionCount)
        for q in 0..<questionCount { all[q] = answer(ids[q], question: q, head, batch) }
        let place = place(head, batch)
        var role: String? = nil
        if roleQuestion >= 0, case let .choice(name)? = all[roleQuestion] { role = name }
        return Respondent(
            id: FNV.respondentID(head.idHash), sourceFile: files[Int(head.file)], sourceLine: head.line, country: place?.country,
            municipalityCode: place?.municipalityCode, municipalityName: place?.municipalityName, role: role,
            submitted: head.submitted == 0 ? nil : SubmissionDate.format(head.submitted), weight: head.weight, answers: all)
    }
}
