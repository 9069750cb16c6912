import XCTest
import CNMSim
@testable import CNMLabs

final class VariantTests: XCTestCase {
    func testSameLearnerSameVariant() {
        let lab = Fixture.lab("variant.yaml")
        let a = LabVariant.make(for: lab, learner: "learner-42")
        let b = LabVariant.make(for: lab, learner: "learner-42")
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.seed, LabVariant.seedFor(learner: "learner-42", labID: "fixture-variant", version: 3))
        XCTAssertNotEqual(a.seed, LabVariant.seedFor(learner: "learner-42", labID: "fixture-variant", version: 4))
    }

    func testSeedIsStableAcrossBuilds() {
        // FNV-1a 64 of "a\0b\01": a changed derivation would silently regrade every learner.
        XCTAssertEqual(LabVariant.seedFor(learner: "a", labID: "b", version: 1), 0x3fae_78fc_8499_f8a5)
    }

    func testDrawsStayInTheirDomainsAndDiffer() throws {
        let lab = Fixture.lab("variant.yaml")
        var nets: Set<String> = []
        for i in 0..<40 {
            let v = LabVariant.make(for: lab, learner: "l\(i)")
            let net = try XCTUnwrap(v.values["net"])
            XCTAssertTrue(["alpha", "beta", "gamma", "delta", "epsilon"].contains(net))
            let subnet = try XCTUnwrap(IPv4Subnet(try XCTUnwrap(v.values["subnet"])))
            XCTAssertEqual(subnet.prefixLength, 24)
            XCTAssertTrue(subnet.isCanonical)
            XCTAssertTrue(IPv4Subnet("10.40.0.0/16")!.contains(subnet))
            let port = try XCTUnwrap(Int(try XCTUnwrap(v.values["port"])))
            XCTAssertTrue((8000...8999).contains(port))
            nets.insert(net)
        }
        XCTAssertGreaterThan(nets.count, 2)
    }

    func testDefaultVariantUsesDefaults() {
        let lab = Fixture.lab("variant.yaml")
        let v = LabVariant.make(for: lab, learner: nil)
        XCTAssertEqual(v.values, ["net": "alpha", "subnet": "10.40.1.0/24", "port": "8080"])
        XCTAssertEqual(LabSession(lab: lab).solutionTranscript, ["docker network create --subnet 10.40.1.0/24 alpha"])
    }

    func testTemplatesRenderEverywhere() throws {
        let lab = Fixture.lab("variant.yaml")
        let s = LabSession(lab: lab, learner: "park")
        let v = s.variant.values
        let step = s.lab.steps[0]
        XCTAssertEqual(step.text.resolve(.en), "Create \(v["net"]!) with \(v["subnet"]!) (\(v["port"]!))")
        XCTAssertEqual(step.solution, ["docker network create --subnet \(v["subnet"]!) \(v["net"]!)"])
        guard case .network(let p) = step.checks[0].kind else { return XCTFail("not a network check") }
        XCTAssertEqual(p.name, v["net"])
        let gateway = try XCTUnwrap(IPv4Subnet(v["subnet"]!)).network.advanced(by: 1)!.description
        XCTAssertEqual(p.gateway, gateway)
        XCTAssertTrue(LabValidator.validate(lab).isEmpty)
    }

    func testGoTemplatesAreLeftAlone() {
        XCTAssertEqual(LabTemplate.render("{{.Name}} {{range .X}}{{end}} {{ p }} {{p.prefix}} {{q}}", ["p": "10.0.0.0/8"]),
                       "{{.Name}} {{range .X}}{{end}} 10.0.0.0/8 8 {{q}}")
        XCTAssertEqual(LabTemplate.references(in: "{{.Name}} {{end}} {{a.gateway}} {{b}}"), ["a", "b"])
    }

    func testGlob() {
        XCTAssertTrue(CommandMatcher.glob("docker network prune*", "docker network prune -f"))
        XCTAssertTrue(CommandMatcher.glob("docker network inspect*bridge*", "docker network inspect -f x bridge"))
        XCTAssertFalse(CommandMatcher.glob("docker network ls", "docker network ls -q"))
        XCTAssertTrue(CommandMatcher.line("echo hi;  docker   network  prune", matches: "docker network prune*"))
        XCTAssertTrue(CommandMatcher.line("docker network rm $(docker network prune -f)", matches: "docker network prune*"))
    }
}
