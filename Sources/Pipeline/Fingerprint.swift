import Foundation

/// What produced a recorded output, in a short token stored in the output fence's info
/// string (```` ```output 3f9a2c1e07b1d4c2 ````): four 16-bit hashes, of the block's code,
/// of the code of every earlier block, of the data files read so far, and of the tool's
/// version. Comparing the parts says why an output is stale, which a single hash could not.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public var code: UInt16
    public var context: UInt16
    public var data: UInt16
    public var tool: UInt16

    /// Why a record no longer matches, in the order they are checked.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case code = "its code changed"
        case context = "an earlier block changed"
        case data = "its data changed"
        case tool = "the tool changed"
        case result = "the same inputs now give a different result"
    }

    public init(code: UInt16, context: UInt16, data: UInt16, tool: UInt16) {
        self.code = code
        self.context = context
        self.data = data
        self.tool = tool
    }

    /// The fingerprint of every block of a notebook: `dataFiles[i]` lists the files read up to
    /// block i, relative to `directory`. With `dataFiles` nil (not run), the data part is 0.
    public static func blocks(_ codes: [String], dataFiles: [[String]]?, directory: String, toolVersion: String) -> [Fingerprint] {
        let tool = Hash.short(toolVersion)
        var context = Hash()
        var contents: [String: UInt64] = [:]
        return codes.enumerated().map { index, code in
            defer { context.add(code); context.add("\u{0}") }
            var data: UInt16 = 0
            if let files = dataFiles?[index], !files.isEmpty {
                var hash = Hash()
                for file in files {
                    let digest = contents[file] ?? {
                        let bytes = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(file))
                        var h = Hash()
                        h.add(file)
                        h.add(bytes.map { [UInt8]($0) } ?? [])
                        contents[file] = h.value
                        return h.value
                    }()
                    hash.add(digest)
                }
                data = hash.short
            }
            return Fingerprint(code: Hash.short(code), context: context.short, data: data, tool: tool)
        }
    }

    /// 16 hex digits: code, context, data, tool.
    public var description: String {
        [code, context, data, tool].map { String(format: "%04x", $0) }.joined()
    }

    /// Reads the token written by `description`; nil for anything else (a hand-written fence).
    public init?(_ token: String) {
        guard token.count == 16, token.allSatisfy(\.isHexDigit) else { return nil }
        let parts = stride(from: 0, to: 16, by: 4).map { offset -> UInt16 in
            let start = token.index(token.startIndex, offsetBy: offset)
            return UInt16(token[start..<token.index(start, offsetBy: 4)], radix: 16)!
        }
        self.init(code: parts[0], context: parts[1], data: parts[2], tool: parts[3])
    }

    /// What differs between a recorded fingerprint and the current one. Without the data
    /// part (a check that did not run anything), data is not compared.
    public func reasons(comparedTo current: Fingerprint, comparingData: Bool = true) -> [Reason] {
        var reasons: [Reason] = []
        if code != current.code { reasons.append(.code) }
        if context != current.context { reasons.append(.context) }
        if comparingData && data != current.data { reasons.append(.data) }
        if tool != current.tool { reasons.append(.tool) }
        return reasons
    }
}

/// FNV-1a over bytes, finished with SplitMix64's mixer so that every bit of the 64 depends
/// on every input byte (the short forms keep only 16). Stable across platforms and runs.
struct Hash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
    }

    mutating func add(_ text: String) { add(text.utf8) }

    mutating func add(_ value: UInt64) {
        add(withUnsafeBytes(of: value.littleEndian) { Array($0) })
    }

    var value: UInt64 {
        var z = state &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    var short: UInt16 { UInt16(truncatingIfNeeded: value >> 48) }

    static func short(_ text: String) -> UInt16 {
        var hash = Hash()
        hash.add(text)
        return hash.short
    }
}
