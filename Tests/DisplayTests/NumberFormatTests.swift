import Testing
@testable import Display

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.7310585786300049, "0.731059"), (138.83399, "138.834"), (1.5e-7, "1.5e-07"),
        (-4.0, "-4"), (-0.0, "0"), (0.0, "0"), (1e6, "1000000"), (123456.7, "123457"),
        // Whole numbers are written whole while a double holds them exactly; others as %g.
        (20_000_000, "20000000"), (-3_628_800, "-3628800"), (1234567.5, "1.23457e+06"), (1e16, "1e+16"),
        (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
        (0.1 + 0.2, "0.3"), (-12.0, "-12"),
    ])
    func percentG(value: Double, expected: String) {
        #expect(NumberFormat.g(value) == expected)
    }
}

@Suite struct TableTests {
    @Test func alignsLabelledColumns() {
        let table = Table(columns: ["z", "a"], rows: [
            .init(label: "h1", cells: ["0.5", "0.622459"]),
            .init(label: "out", cells: ["-12", "1"]),
        ])
        #expect(table.text == """
                   z         a
            h1   0.5  0.622459
            out  -12         1
            """)
    }

    @Test func alignsTextToTheLeft() {
        let table = Table(columns: ["name", "value"], rows: [.init(cells: ["lr", "0.5"]), .init(cells: ["momentum", "0.9"])])
        #expect(table.text == "name      value\nlr          0.5\nmomentum    0.9")
    }
}
