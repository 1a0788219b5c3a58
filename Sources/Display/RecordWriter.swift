import Digest

/// Walks every value a reader can see in a display, in one fixed order, for what a notebook
/// records of it.
///
/// A record stays short: a figure records a one-line summary, a long tensor its first and
/// last elements. What the short form leaves out is still checked, through a digest of
/// everything: a changed point of a plot, cell of a contour grid or element of a tensor
/// changes the digest, so the record goes stale. The same walk can also list the values one
/// per line (`series 1 "train" y[3]: 5`), which is how `check` names what changed.
///
/// Numbers take part as the notebook writes them: rounded to 6 significant digits, so a
/// change a reader could see (at the notebook's precision) always changes the digest, and
/// the last bits of a computation do not.
public struct RecordWriter {
    /// Digest mode: the hash the values go into, through `pending`.
    private var hash: SHA256?
    /// Bytes gathered before they go to the hash: hashing many small pieces one call at a
    /// time cost more than the rounding.
    private var pending: [UInt8] = []
    /// Listing mode: one line per value, at most `limit`.
    private var lines: [String] = []
    private let limit: Int
    /// The names of the enclosing groups, for listing lines.
    private var path: [String] = []
    /// Whether a listing ran past its limit (and so is incomplete).
    public private(set) var overflowed = false

    private init(hash: SHA256?, limit: Int) {
        self.hash = hash
        self.limit = limit
        if hash != nil { pending.reserveCapacity(4096) }
    }

    /// The digest of what `write` writes: 12 hex digits (48 bits) of its SHA-256.
    public static func digest(_ write: (inout RecordWriter) -> Void) -> String {
        var writer = RecordWriter(hash: SHA256(), limit: 0)
        write(&writer)
        writer.flush()
        return String(writer.hash!.hex.prefix(digestLength))
    }

    /// What `write` writes, one value per line; nil when there are more than `limit` values.
    public static func listing(limit: Int = listingLimit, _ write: (inout RecordWriter) -> Void) -> [String]? {
        var writer = RecordWriter(hash: nil, limit: limit)
        write(&writer)
        return writer.overflowed ? nil : writer.lines
    }

    /// The most values a listing holds: past it, `check` says that values changed but not
    /// which.
    public static let listingLimit = 100_000

    /// How many hex digits of the SHA-256 a record shows.
    public static let digestLength = 12

    // MARK: Values

    /// A group of values under one name (a series, a path, a node).
    public mutating func group(_ name: String, _ body: (inout RecordWriter) -> Void) {
        if hash != nil {
            token(0x7B, name)
            body(&self)
            pending.append(0x7D)
        } else {
            path.append(name)
            body(&self)
            path.removeLast()
        }
    }

    public mutating func text(_ name: String, _ value: String?) {
        guard let value else { return absent(name) }
        if hash != nil {
            token(0x73, name)
            bytes(value)
        } else {
            line(name, "\"" + value + "\"")
        }
    }

    public mutating func number(_ name: String, _ value: Double) {
        if hash != nil {
            token(0x6E, name)
            canonical(value)
        } else {
            line(name, RecordWriter.text(value))
        }
    }

    public mutating func flag(_ name: String, _ value: Bool) {
        if hash != nil {
            token(value ? 0x54 : 0x46, name)
        } else {
            line(name, value ? "true" : "false")
        }
    }

    /// Numbers indexed from 0: `name[i]`.
    public mutating func numbers(_ name: String, _ values: [Double]) {
        if hash != nil {
            token(0x76, name)
            raw(values.count)
            for value in values { canonical(value) }
        } else {
            guard lines.count + values.count <= limit else { return overflowed = true }
            for (index, value) in values.enumerated() {
                line("\(name)[\(index)]", RecordWriter.text(value))
                if overflowed { return }
            }
        }
    }

    /// A whole number: a count of parts, an id.
    public mutating func integer(_ name: String, _ value: Int) {
        if hash != nil {
            token(0x49, name)
            raw(value)
        } else {
            line(name, String(value))
        }
    }

    /// Whole numbers indexed from 0: `name[i]`.
    public mutating func integers(_ name: String, _ values: [Int]) {
        if hash != nil {
            token(0x69, name)
            raw(values.count)
            for value in values { raw(value) }
        } else {
            for (index, value) in values.enumerated() {
                line("\(name)[\(index)]", String(value))
                if overflowed { return }
            }
        }
    }

    /// The elements of a tensor, listed by their index (`element [1, 0]`).
    public mutating func elements(_ name: String, shape: [Int], _ values: [Double]) {
        if hash != nil {
            token(0x65, name)
            raw(shape.count)
            for dimension in shape { raw(dimension) }
            for value in values { canonical(value) }
        } else {
            guard lines.count + values.count <= limit else { return overflowed = true }
            var index = [Int](repeating: 0, count: shape.count)
            for value in values {
                line((name.isEmpty ? "[" : name + " [") + index.map(String.init).joined(separator: ", ") + "]", RecordWriter.text(value))
                if overflowed { return }
                var axis = shape.count - 1
                while axis >= 0 {
                    index[axis] += 1
                    if index[axis] < shape[axis] { break }
                    index[axis] = 0
                    axis -= 1
                }
            }
        }
    }

    /// A value that may be missing: its absence is part of the record too.
    private mutating func absent(_ name: String) {
        if hash != nil { token(0x30, name)
        } else { line(name, "none")
        }
    }

    // MARK: Listing

    private mutating func line(_ name: String, _ value: String) {
        guard lines.count < limit else {
            overflowed = true
            return
        }
        lines.append((path + [name]).filter { !$0.isEmpty }.joined(separator: " ") + ": " + value)
    }

    // MARK: Digest

    /// A kind marker and a name, so values of different fields never run together.
    private mutating func token(_ kind: UInt8, _ name: String) {
        pending.append(kind)
        bytes(name)
    }

    /// A string with its length first.
    private mutating func bytes(_ text: String) {
        raw(text.utf8.count)
        pending.append(contentsOf: text.utf8)
        if pending.count >= 4096 { flush() }
    }

    private mutating func raw(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { pending.append(contentsOf: $0) }
        if pending.count >= 4096 { flush() }
    }

    /// A number as 6 significant digits: a mantissa and a power of ten, or a marker for 0,
    /// nan and the infinities, in 6 little-endian bytes.
    private mutating func canonical(_ value: Double) {
        let (mantissa, exponent) = RecordWriter.rounded(value)
        let m = UInt32(bitPattern: Int32(mantissa)), e = UInt16(bitPattern: Int16(exponent))
        pending.append(UInt8(truncatingIfNeeded: m))
        pending.append(UInt8(truncatingIfNeeded: m >> 8))
        pending.append(UInt8(truncatingIfNeeded: m >> 16))
        pending.append(UInt8(truncatingIfNeeded: m >> 24))
        pending.append(UInt8(truncatingIfNeeded: e))
        pending.append(UInt8(truncatingIfNeeded: e >> 8))
        if pending.count >= 4096 { flush() }
    }

    private mutating func flush() {
        guard hash != nil, !pending.isEmpty else { return }
        pending.withUnsafeBytes { hash!.update(buffer: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// `value` to 6 significant digits, as `mantissa × 10^exponent` with 100000 <= |mantissa|
    /// <= 999999; 0 is (0, 0), nan (0, 1), inf (0, 2) and -inf (0, 3). Negative zero is zero,
    /// as the notebook writes it.
    ///
    /// It scales by an exact power of ten (or the correctly rounded one, past 10^22) and
    /// rounds half to even, rather than formatting each number as `%.6g` does: fifty times
    /// faster, the same on every platform (IEEE arithmetic only), and different from `%.6g`
    /// only for a number within an ulp of a tie between two 6-digit decimals.
    static func rounded(_ value: Double) -> (mantissa: Int, exponent: Int) {
        if value == 0 { return (0, 0) }
        if value.isNaN { return (0, 1) }
        if value.isInfinite { return (0, value > 0 ? 2 : 3) }
        let magnitude = value.magnitude
        // floor(log10(magnitude)), estimated from the binary exponent and then corrected.
        var power = Int((Double(Int(magnitude.exponent)) * 0.301_029_995_663_981_2).rounded(.down))
        for _ in 0..<4 {
            let scaled = scale(magnitude, byPowerOfTen: 5 - power).rounded(.toNearestOrEven)
            if scaled >= 1_000_000 {
                power += 1
            } else if scaled < 100_000 {
                power -= 1
            } else {
                let mantissa = Int(scaled)
                return (value < 0 ? -mantissa : mantissa, power - 5)
            }
        }
        // Unreachable for finite numbers: the estimate is off by at most one.
        return (0, 4)
    }

    /// `x × 10^k`, dividing by the exact (or correctly rounded) power for negative k.
    private static func scale(_ x: Double, byPowerOfTen k: Int) -> Double {
        let table = powersOfTen
        if k >= 0 {
            // A subnormal needs more than 10^308: two steps, the larger first.
            return k < table.count ? x * table[k] : x * table[table.count - 1] * table[k - table.count + 1]
        }
        return x / table[min(-k, table.count - 1)]
    }

    /// 10^0 ... 10^308, each the Double nearest to it (exact up to 10^22).
    private static let powersOfTen: [Double] = (0...308).map { Double("1e\($0)")! }

    /// How a listing writes a number: as `%g` does, from its 6 rounded digits.
    static func text(_ value: Double) -> String {
        if let whole = NumberFormat.whole(value) { return whole }
        let (mantissa, exponent) = rounded(value)
        guard mantissa != 0 else { return ["0", "nan", "inf", "-inf", "?"][exponent] }
        var digits = String(mantissa.magnitude)
        let decimal = exponent + 5
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        let sign = mantissa < 0 ? "-" : ""
        if decimal < -4 || decimal >= 6 {
            let fraction = digits.count > 1 ? "." + digits.dropFirst() : ""
            let e = abs(decimal) < 10 ? "0\(abs(decimal))" : "\(abs(decimal))"
            return sign + String(digits.first!) + fraction + "e" + (decimal < 0 ? "-" : "+") + e
        }
        if decimal < 0 { return sign + "0." + String(repeating: "0", count: -decimal - 1) + digits }
        if digits.count <= decimal + 1 { return sign + digits + String(repeating: "0", count: decimal + 1 - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: decimal + 1)
        return sign + digits[..<split] + "." + digits[split...]
    }
}

/// A display whose record covers all of it: it writes every value a reader can see.
public protocol RecordContent {
    func writeRecord(to writer: inout RecordWriter)
}

extension RecordContent {
    /// The digest of everything this display shows (12 hex digits).
    public var recordDigest: String { RecordWriter.digest { writeRecord(to: &$0) } }

    /// Everything this display shows, one value per line; nil past `limit` values.
    public func recordListing(limit: Int = RecordWriter.listingLimit) -> [String]? {
        RecordWriter.listing(limit: limit) { writeRecord(to: &$0) }
    }
}
