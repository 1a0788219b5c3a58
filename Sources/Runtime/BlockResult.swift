import Diagnostics
import Display

/// What running one block gave: what it displayed, and how it failed, if it did.
public struct BlockResult: Sendable, Hashable {
    public let items: [DisplayItem]
    /// Syntax errors (all of them) or the one runtime error that stopped the block.
    public let errors: [Diagnostic]
    /// Problems that did not stop the block.
    public let warnings: [Diagnostic]
    /// The text a notebook records for this block: its displays, one after another, or for
    /// a failed block its error messages (without locations, so moving the block does not
    /// make the record stale). nil when the block displays nothing. Made once: a figure's
    /// record holds the digest of all its data, which check, update and the record store
    /// all need.
    public let recordedText: String?
    /// The sliders the block evaluated, one per `slider(...)` call in the order first
    /// reached, for the page to draw. Not part of `recordedText`: in the CLI a slider is
    /// only its default, which the block's displays already show.
    public let sliders: [SliderSpec]

    public init(items: [DisplayItem] = [], errors: [Diagnostic] = [], warnings: [Diagnostic] = [], sliders: [SliderSpec] = []) {
        self.items = items
        self.errors = errors
        self.warnings = warnings
        self.sliders = sliders
        let parts = items.map { $0.record } + errors.map { $0.recordedText }
        recordedText = parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    public var failed: Bool { !errors.isEmpty }
}

// The build caches results; the WebAssembly build has no Codable.
#if !hasFeature(Embedded)
extension BlockResult: Codable {
    enum CodingKeys: String, CodingKey {
        case items, errors, warnings, sliders
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(items: try container.decode([DisplayItem].self, forKey: .items),
                  errors: try container.decode([Diagnostic].self, forKey: .errors),
                  warnings: try container.decode([Diagnostic].self, forKey: .warnings),
                  // Absent from results encoded before there were sliders.
                  sliders: try container.decodeIfPresent([SliderSpec].self, forKey: .sliders) ?? [])
    }
}
#endif
