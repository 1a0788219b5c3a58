import Foundation

/// What produced a recorded output, in a short token stored in the output fence's info
/// string (```` ```output 3f9a2c1e07b1d4c2 ````): four 16-bit hashes, of the block's code,
/// of the code of every earlier block, of the data files read so far, and of the tool's
/// version (`InputDigests.fingerprints` computes them). Comparing the parts says why an
/// output is stale, which a single hash could not.
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
