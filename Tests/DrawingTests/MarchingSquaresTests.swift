import Foundation
import Testing
@testable import Drawing

@Suite struct MarchingSquaresTests {
    /// x^2 + y^2 on [-2, 2]^2, 41 x 41.
    static let coordinates = (0..<41).map { -2.0 + Double($0) / 10 }
    static let paraboloid = coordinates.map { y in coordinates.map { x in x * x + y * y } }

    static func data(_ point: GridPoint) -> (x: Double, y: Double) {
        (GridInterpolation.value(coordinates, point.column), GridInterpolation.value(coordinates, point.row))
    }

    /// Signed area (shoelace) of a loop, in data units.
    static func area(_ loop: [GridPoint]) -> Double {
        let points = loop.map(data)
        var sum = 0.0
        for index in points.indices {
            let a = points[index]
            let b = points[(index + 1) % points.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    @Test func circleIsOneClosedLineOnTheCircle() throws {
        let squares = try #require(MarchingSquares(Self.paraboloid))
        for radius in [0.5, 1.0, 1.7] {
            let lines = squares.lines(level: radius * radius)
            #expect(lines.count == 1)
            let line = try #require(lines.first)
            #expect(line.closed)
            #expect(line.points.first == line.points.last)
            #expect(line.points.count > 20)
            for point in line.points {
                let (x, y) = Self.data(point)
                #expect(abs((x * x + y * y).squareRoot() - radius) < 0.005)
            }
        }
    }

    @Test func segmentsKeepTheLowSideOnTheLeft() throws {
        let squares = try #require(MarchingSquares(Self.paraboloid))
        // Below is inside the circle, so the loop runs counter-clockwise: positive area.
        let loop = try #require(squares.lines(level: 1).first).points
        #expect(Self.area(loop) > 0)
    }

    @Test func filledDiskHasTheDisksArea() throws {
        let squares = try #require(MarchingSquares(Self.paraboloid))
        let loops = squares.region(level: 1)
        #expect(loops.count == 1)
        let area = loops.map(Self.area).reduce(0, +)
        #expect(abs(area - Double.pi) / Double.pi < 0.01)
    }

    @Test func regionCutByTheBorderIsClosedAlongIt() throws {
        // The disk of radius sqrt(5) overlaps the square [-2, 2]^2 in 8 + 10 asin-terms:
        // 8 + 4 * integral from 1 to 2 of sqrt(5 - x^2) = 14.4350...
        let squares = try #require(MarchingSquares(Self.paraboloid))
        #expect(squares.lines(level: 5).count == 4)
        #expect(squares.lines(level: 5).allSatisfy { !$0.closed })
        let loops = squares.region(level: 5)
        #expect(loops.count == 1)
        let exact = 8 + 10 * (asin(2 / 5.0.squareRoot()) - asin(1 / 5.0.squareRoot()))
        let area = loops.map(Self.area).reduce(0, +)
        #expect(abs(area - exact) / exact < 0.005)
    }

    @Test func regionBeyondTheRange() throws {
        let squares = try #require(MarchingSquares(Self.paraboloid))
        #expect(squares.region(level: -1).isEmpty)
        let everything = squares.region(level: 100)
        #expect(everything.count == 1)
        #expect(abs(everything.map(Self.area).reduce(0, +) - 16) < 1e-9)
        #expect(squares.lines(level: 100).isEmpty)
    }

    @Test func holeInTheRegionWindsTheOtherWay() throws {
        // Below 3 outside the disk of radius 1 around the top of a bump 4 - r^2.
        let bump = Self.paraboloid.map { $0.map { 4 - $0 } }
        let squares = try #require(MarchingSquares(bump))
        let loops = squares.region(level: 3)
        #expect(loops.count == 2)
        let area = loops.map(Self.area).reduce(0, +)
        #expect(abs(area - (16 - Double.pi)) / 16 < 0.01)
    }

    @Test func saddleCellsStayConsistent() throws {
        let xs = (0..<21).map { -1.0 + Double($0) / 10 }
        let z = xs.map { y in xs.map { x in x * y + 1e-9 } }
        let squares = try #require(MarchingSquares(z))
        let loops = squares.region(level: 0)
        var area = 0.0
        for loop in loops {
            let points = loop.map { (GridInterpolation.value(xs, $0.column), GridInterpolation.value(xs, $0.row)) }
            for index in points.indices {
                let a = points[index]
                let b = points[(index + 1) % points.count]
                area += (a.0 * b.1 - b.0 * a.1) / 2
            }
        }
        #expect(abs(area - 2) < 0.02)
    }

    @Test func cellsWithMissingValuesAreSkipped() throws {
        var z = Self.paraboloid
        z[20][20] = .nan
        let squares = try #require(MarchingSquares(z))
        let lines = squares.lines(level: 1)
        #expect(!lines.isEmpty)
        #expect(squares.region(level: 1).isEmpty)
        #expect(lines.flatMap(\.points).allSatisfy { $0.column.isFinite && $0.row.isFinite })
    }

    @Test func raggedOrTinyGridsAreRejected() {
        #expect(MarchingSquares([[1, 2], [3]]) == nil)
        #expect(MarchingSquares([[1, 2]]) == nil)
        #expect(MarchingSquares([]) == nil)
    }
}
