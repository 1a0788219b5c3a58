/// An axis: the interval it shows and the values it marks.
struct Ticks: Equatable {
    /// The interval shown, in data units (also for log axes).
    var lo: Double
    var hi: Double
    /// Labelled ticks, ascending.
    var major: [Double]
    /// Unlabelled ticks (the 2..9 of a log decade), ascending.
    var minor: [Double]
    /// One label per major tick, ASCII (`-` for minus; `Typography.display` makes it `−`).
    var labels: [String]
}
