/// Whether a reference list spells given names out ("David E. Rumelhart", Chicago's way)
/// or gives their initials ("D. E. Rumelhart").
public enum GivenNameForm: Sendable, Hashable {
    case full
    case initials
}
