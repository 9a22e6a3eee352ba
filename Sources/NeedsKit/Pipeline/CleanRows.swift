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
        /// `Normalizer.Row.otherReading`.
        var otherReading: Int32
        var weight: Double
        /// Where the row's extra answers start in `extras`.
        var extras: Int32
        /// The row's place in `extraPlaces` when `place` is `Normalizer.Row.extraPlaceID`.
        var extraPlace: Int32
        /// `Normalizer.Row.demandUnasked`.
        var demandUnasked: Bool
        /// `Normalizer.Row.demandUnaskedBits`.
        var demandUnaskedBits: UInt64 = 0
    }

    /// Entries of the normaliser's tables, to add before reading the rows.
    var fresh: [Normalizer.Fresh] = []
    /// Files started, in order (`Head.file` counts them across batches).
    var files: [String] = []
    /// Set on a file's last batch (its rows are the file's last) when its dates read day-first
    /// at first are to be read month-first (`Normalizer.correctsAssumedDates`).
    var correctsAssumedDates = false
    var heads: [Head] = []
    /// One answer id per question of the instrument, row after row.
    var answers: [UInt32] = []
    var extras: [Answer] = []
    var extraPlaces: [Normalizer.PlaceReading] = []
}

/// The consumer of clean rows: aggregates them and writes clean/responses.csv, from tables that
/// mirror the normaliser's, each entry scored and encoded once when it arrives. The result is
/// the same as `Aggregator.add` and `CleanResponsesWriter.add` of each row's `Respondent`.
/// Tables are flat arrays indexed by answer id (ids are numbered across questions), so a row
/// costs array reads, not reference counting.
final class CleanRowSink {
    private let aggregator: Aggregator
    private let clean: CleanResponsesWriter?
    private let questionCount: Int
    private let topicCount: Int

    /// The normaliser's answers, places and files, mirrored (index 0 of `answers`: no answer).
    private var answers: [Answer?] = [nil]
    private var places: [Normalizer.PlaceReading] = []
    private var files: [String] = []

    /// Per topic, the questions rating its importance and competence (-1: none).
    private let importanceQuestion: [Int]
    private let competenceQuestion: [Int]
    /// Per answer id, its row in `scores` and `demands`: answers to a rating or the demand
    /// question have one of their own, every other answer row 0 (no score, no demand).
    private var scoreRow: [Int32] = [0]
    /// Per row and topic: importance score, competence score (NaN: none), at [row × 2T + 2t (+1)].
    private var scores: [Double]
    /// Per row and topic: whether the answer asks for training on the topic, at [row × T + t].
    private var demands: [Bool]
    /// Whether a question rates a topic or asks for training: its answers get score rows.
    private let scored: [Bool]
    private let demandQuestion: Int
    private let groupQuestion: Int
    private let roleQuestion: Int
    /// Accumulator slots per place id (and `--by` answer id); -1 not yet known.
    private var slotOfPlace: [Int] = [-1]
    private var slotOfGroup: [UInt64: Int] = [:]
    private var scratch: [Aggregator.TopicScores]

    /// clean/responses.csv's fields, encoded once into one arena: per answer id (its column's
    /// field, or the role's), per place id (country, code, name; index 0: no place), per file.
    /// It always ends with 16 bytes of padding, so a field may be copied 16 bytes at a time.
    private var arena = [UInt8](repeating: 0, count: RowBytes.slack)
    /// Rows of clean/responses.csv copied together from the arena, written out once per batch.
    private var rows = RowBytes()
    private let delimiter: UInt8
    private var answerFields: [Span] = [Span()]
    private var placeFields: [Span] = []
    private var fileFields: [Span] = []
    private struct Span {
        var start = 0
        var count = 0
    }
    private var columnOf: [Int]

    /// Called with each row's respondent, for the panel across waves; nil when no one needs them.
    private let respondents: ((Respondent) -> Void)?

    init(instrument: Instrument, aggregator: Aggregator, clean: CleanResponsesWriter?, respondents: ((Respondent) -> Void)? = nil) {
        self.aggregator = aggregator
        self.clean = clean
        self.respondents = respondents
        questionCount = instrument.questions.count
        topicCount = aggregator.topicKeys.count
        importanceQuestion = aggregator.topicKeys.indices.map { aggregator.ratedQuestions(topic: $0).importance ?? -1 }
        competenceQuestion = aggregator.topicKeys.indices.map { aggregator.ratedQuestions(topic: $0).competence ?? -1 }
        scores = Array(repeating: .nan, count: 2 * topicCount)
        demands = Array(repeating: false, count: topicCount)
        demandQuestion = aggregator.demandQuestion ?? -1
        groupQuestion = aggregator.groupQuestion ?? -1
        roleQuestion = instrument.roleQuestion.flatMap { instrument.questionIndex[$0.key] } ?? -1
        scratch = Array(repeating: (.nan, .nan, false), count: topicCount)
        columnOf = Array(repeating: -1, count: questionCount)
        let rating = Set(importanceQuestion + competenceQuestion + [demandQuestion])
        scored = (0..<questionCount).map { rating.contains($0) }
        delimiter = clean?.delimiter ?? 0
        if let clean {
            for (k, q) in clean.columns.enumerated() { columnOf[q] = k }
            placeFields.append(keep(Self.encode(nil, clean: clean)))
        } else {
            placeFields.append(Span())
        }
    }

    deinit { rows.deallocate() }

    /// The last row's `Head.demandUnaskedBits` and the topics they name (a file's, for all its rows).
    private var unaskedBits: UInt64 = 0
    private var unaskedTopics: UInt64 = 0

    /// Where each date read day-first by assumption went in clean/responses.csv, with its other
    /// reading, until its file ends (see `Normalizer.correctableDates`).
    private var assumedDates: [(offset: Int, otherReading: Int32)] = []
    private var currentFile: Int32 = -1

    func consume(_ batch: RowBatch) {
        for name in batch.files {
            files.append(name)
            aggregator.startFile(name)
            fileFields.append(keep(clean?.encode { $0.field(name, neutralise: true) } ?? []))
        }
        for entry in batch.fresh { learn(entry) }
        let n = questionCount
        batch.answers.withUnsafeBufferPointer { ids in
            for (r, head) in batch.heads.enumerated() {
                add(head, UnsafeBufferPointer(rebasing: ids[r * n ..< r * n + n]), batch)
            }
        }
        if let clean, rows.count > 0 {
            clean.add(rows: rows.bytes)
            rows.removeAll()
        }
        if let clean, batch.correctsAssumedDates {
            for date in assumedDates { clean.correctDate(at: date.offset, to: date.otherReading) }
            assumedDates.removeAll()
        }
    }

    private func keep(_ bytes: [UInt8]) -> Span {
        let start = arena.count - RowBytes.slack
        arena.removeLast(RowBytes.slack)
        arena += bytes
        arena += repeatElement(0, count: RowBytes.slack)
        return Span(start: start, count: bytes.count)
    }

    private func learn(_ entry: Normalizer.Fresh) {
        switch entry {
        case let .answer(q, answer):
            answers.append(answer)
            if scored[q] {
                scoreRow.append(Int32(demands.count / max(topicCount, 1)))
                for t in 0..<topicCount {
                    scores.append(importanceQuestion[t] == q ? aggregator.scores(topic: t, question: q, answer: answer).importance : .nan)
                    scores.append(competenceQuestion[t] == q ? aggregator.scores(topic: t, question: q, answer: answer).competence : .nan)
                    demands.append(q == demandQuestion && aggregator.demands(topic: t, answer: answer))
                }
            } else {
                scoreRow.append(0)
            }
            var field: [UInt8] = []
            if let clean {
                if q == roleQuestion {
                    field = clean.encode { CleanResponsesWriter.writeRole(Self.role(answer), into: &$0) }
                } else if columnOf[q] >= 0 {
                    let k = columnOf[q]
                    field = clean.encode { CleanResponsesWriter.write(answer, scrubbed: clean.scrubbed[k], into: &$0) }
                }
            }
            answerFields.append(keep(field))
        case let .place(place):
            places.append(place)
            slotOfPlace.append(-1)
            placeFields.append(clean.map { keep(Self.encode(place, clean: $0)) } ?? Span())
        }
    }

    private static func encode(_ place: Normalizer.PlaceReading?, clean: CleanResponsesWriter) -> [UInt8] {
        clean.encode { CleanResponsesWriter.writePlace(country: place?.country, code: place?.municipalityCode,
                                                       name: place?.municipalityName, into: &$0) }
    }

    /// A role answer's role: its choice name (free text is no role).
    private static func role(_ answer: Answer?) -> String? {
        if case let .choice(name)? = answer { return name }
        return nil
    }

    private func answer(_ id: UInt32, _ head: RowBatch.Head, _ batch: RowBatch) -> Answer? {
        if id & Normalizer.Row.extra != 0 { return batch.extras[Int(head.extras) + Int(id & ~Normalizer.Row.extra)] }
        return answers[Int(id)]
    }

    private func place(_ head: RowBatch.Head, _ batch: RowBatch) -> Normalizer.PlaceReading? {
        if head.place == Normalizer.Row.extraPlaceID { return batch.extraPlaces[Int(head.extraPlace)] }
        return head.place == 0 ? nil : places[Int(head.place) - 1]
    }

    private func add(_ head: RowBatch.Head, _ ids: UnsafeBufferPointer<UInt32>, _ batch: RowBatch) {
        let extra = Normalizer.Row.extra
        // The cell: known per place (and group) after its first row.
        let slot: Int
        let common = head.place != Normalizer.Row.extraPlaceID
        if groupQuestion < 0 && common && slotOfPlace[Int(head.place)] >= 0 {
            slot = slotOfPlace[Int(head.place)]
        } else {
            var group: String? = nil
            var groupKey: UInt64 = 0
            let cacheable = common && (groupQuestion < 0 || ids[groupQuestion] & extra == 0)
            if groupQuestion >= 0 {
                let id = ids[groupQuestion]
                group = aggregator.group(answer: answer(id, head, batch),
                                         municipalityCode: place(head, batch)?.municipalityCode)
                groupKey = UInt64(head.place) << 32 | UInt64(id)
            }
            if groupQuestion >= 0, cacheable, let known = slotOfGroup[groupKey] {
                slot = known
            } else {
                let place = place(head, batch)
                slot = aggregator.slot(for: Aggregator.Cell(
                    country: place?.country ?? "", municipality: Aggregator.municipalityKey(code: place?.municipalityCode),
                    group: group), municipalityName: place?.municipalityName)
                if cacheable {
                    if groupQuestion < 0 { slotOfPlace[Int(head.place)] = slot } else { slotOfGroup[groupKey] = slot }
                }
            }
        }
        var plain = true
        for t in 0..<topicCount {
            let i = importanceQuestion[t], c = competenceQuestion[t]
            let iid = i < 0 ? 0 : Int(ids[i]), cid = c < 0 ? 0 : Int(ids[c])
            if (iid | cid) & Int(extra) != 0 { plain = false; break }
            let irow = Int(scoreRow[iid]), crow = Int(scoreRow[cid])
            scratch[t] = (scores[irow &* 2 &* topicCount &+ 2 &* t], scores[crow &* 2 &* topicCount &+ 2 &* t &+ 1], false)
        }
        if !plain {
            // A value read per row (too many or too long to keep): scored as `Aggregator.add` does.
            for t in 0..<topicCount {
                let i = importanceQuestion[t], c = competenceQuestion[t]
                scratch[t] = (i < 0 ? .nan : aggregator.scores(topic: t, question: i, answer: answer(ids[i], head, batch)).importance,
                              c < 0 ? .nan : aggregator.scores(topic: t, question: c, answer: answer(ids[c], head, batch)).competence, false)
            }
        }
        if demandQuestion >= 0 {
            let id = ids[demandQuestion]
            if id & extra == 0 {
                let base = Int(scoreRow[Int(id)]) &* topicCount
                for t in 0..<topicCount { scratch[t].demanded = demands[base &+ t] }
            } else {
                let answer = answer(id, head, batch)
                for t in 0..<topicCount { scratch[t].demanded = aggregator.demands(topic: t, answer: answer) }
            }
        }
        if head.demandUnaskedBits != unaskedBits {
            unaskedBits = head.demandUnaskedBits
            unaskedTopics = aggregator.topicMask(ofDemandPositions: unaskedBits)
        }
        aggregator.add(slot: slot, weight: head.weight, scores: scratch, demandAsked: !head.demandUnasked, unaskedTopics: unaskedTopics)
        aggregator.note(slot: slot, file: Int(head.file))
        if let clean { write(head, ids, batch, into: clean, rows: &rows) }
        if let respondents { respondents(respondent(head, ids, batch)) }
    }

    /// The row's line of clean/responses.csv, the bytes `CleanResponsesWriter.add` writes for its
    /// respondent: fields copied from the arena, the rest encoded here.
    private func write(_ head: RowBatch.Head, _ ids: UnsafeBufferPointer<UInt32>, _ batch: RowBatch,
                       into clean: CleanResponsesWriter, rows: inout RowBytes) {
        let extra = Normalizer.Row.extra
        let delimiter = delimiter
        arena.withUnsafeBytes { arena in
            let base = arena.baseAddress!
            func copy(_ span: Span, _ rows: inout RowBytes) { rows.copy(base + span.start, span.count, readableSlack: true) }
            rows.reserve(17)
            FNV.writeRespondentID(head.idHash, into: UnsafeMutableRawBufferPointer(start: rows.end, count: 17))
            rows.count += 17
            rows.append(delimiter)
            copy(fileFields[Int(head.file)], &rows)
            rows.append(delimiter)
            rows.appendDigits(head.line)
            rows.append(delimiter)
            if head.place == Normalizer.Row.extraPlaceID {
                rows.append(Self.encode(batch.extraPlaces[Int(head.extraPlace)], clean: clean))
            } else {
                copy(placeFields[Int(head.place)], &rows)
            }
            rows.append(delimiter)
            if roleQuestion >= 0, ids[roleQuestion] & extra == 0 {
                copy(answerFields[Int(ids[roleQuestion])], &rows)
            } else {
                let role = roleQuestion < 0 ? nil : Self.role(answer(ids[roleQuestion], head, batch))
                rows.append(clean.encode { CleanResponsesWriter.writeRole(role, into: &$0) })
            }
            rows.append(delimiter)
            if head.submitted != 0 {
                if head.file != currentFile {
                    currentFile = head.file
                    assumedDates.removeAll()
                }
                if head.otherReading != 0 && assumedDates.count < Normalizer.correctableDates {
                    assumedDates.append((clean.offset + rows.count, head.otherReading))
                }
                rows.reserve(10)
                SubmissionDate.write(head.submitted, into: UnsafeMutableRawBufferPointer(start: rows.end, count: 10))
                rows.count += 10
            }
            for (k, q) in clean.columns.enumerated() {
                rows.append(delimiter)
                let id = ids[q]
                if id & extra == 0 {
                    copy(answerFields[Int(id)], &rows)
                } else {
                    let answer = answer(id, head, batch)
                    rows.append(clean.encode { CleanResponsesWriter.write(answer, scrubbed: clean.scrubbed[k], into: &$0) })
                }
            }
            rows.append(0x0D)
            rows.append(0x0A)
        }
    }

    /// The row as a respondent (for the panel across waves).
    private func respondent(_ head: RowBatch.Head, _ ids: UnsafeBufferPointer<UInt32>, _ batch: RowBatch) -> Respondent {
        var all = [Answer?](repeating: nil, count: questionCount)
        for q in 0..<questionCount { all[q] = answer(ids[q], head, batch) }
        return Respondent(idHash: head.idHash, file: files[Int(head.file)], line: head.line, place: place(head, batch),
                          submitted: head.submitted, weight: head.weight, answers: all, roleQuestion: roleQuestion >= 0 ? roleQuestion : nil,
                          demandAsked: !head.demandUnasked, demandUnaskedChoices: aggregator.instrument.demandChoiceNames(atPositions: head.demandUnaskedBits))
    }
}

/// Bytes gathered by raw copies (rows of clean/responses.csv on their way to the file), short
/// ones as two 8-byte moves (`copy(from:count:readableSlack:)`): the buffer keeps 16 bytes of
/// its own past its capacity for them.
struct RowBytes {
    static let slack = 16
    private var base: UnsafeMutableRawPointer
    private var capacity: Int
    var count = 0

    init(capacity: Int = 1 << 17) {
        self.capacity = capacity
        base = .allocate(byteCount: capacity + Self.slack, alignment: 16)
    }

    func deallocate() { base.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
    /// Where the next byte goes (after `reserve`).
    var end: UnsafeMutableRawPointer { base + count }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutableRawPointer.allocate(byteCount: larger + Self.slack, alignment: 16)
        moved.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count &+= 1
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard let source = raw.baseAddress else { return }
            copy(source, raw.count, readableSlack: false)
        }
    }

    /// `n` bytes from `source`; with `readableSlack`, 16 bytes from `source` may be read however small `n` is.
    @inline(__always)
    mutating func copy(_ source: UnsafeRawPointer, _ n: Int, readableSlack: Bool) {
        reserve(n)
        (base + count).copy(from: source, count: n, readableSlack: readableSlack)
        count &+= n
    }

    /// A whole number ≥ 0 in decimal.
    mutating func appendDigits(_ value: Int) {
        guard value >= 0 else { return append(Array(String(value).utf8)) }
        var digits = 1
        var v = value
        while v >= 10 { v /= 10; digits += 1 }
        reserve(digits)
        v = value
        for k in stride(from: digits - 1, through: 0, by: -1) {
            base.storeBytes(of: UInt8(ascii: "0") &+ UInt8(v % 10), toByteOffset: count &+ k, as: UInt8.self)
            v /= 10
        }
        count &+= digits
    }
}
