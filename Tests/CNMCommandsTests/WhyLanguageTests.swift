import XCTest
@testable import CNMCommands
import CNMSim

/// `why` speaks the learner's language and explains names it cannot resolve.
final class WhyLanguageTests: XCTestCase {
    func world(_ language: String) -> Simulator {
        var sim = Simulator(seed: 0)
        sim.language = language
        _ = sim.run(line: "docker network create back")
        _ = sim.run(line: "docker run -d --name db --network back --network-alias dbalias busybox sleep 600")
        _ = sim.run(line: "docker run -d --name web busybox sleep 600")
        return sim
    }

    func testUnresolvableNameIsExplained() {
        var sim = world("en")
        let out = sim.run(line: "why web dbalias:80")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertEqual(out.stderr, "why: cannot resolve dbalias from web\nthe default bridge has no embedded DNS; web reaches dbalias only by IP or a legacy --link\n")
    }

    func testKoreanSentences() {
        var sim = world("ko")
        let out = sim.run(line: "why web dbalias:80")
        XCTAssertEqual(out.stderr, "why: web에서 dbalias의 주소를 찾을 수 없습니다\n기본 bridge에는 내장 DNS가 없습니다. web은 dbalias에 IP나 예전 방식의 --link로만 닿습니다\n")
        let delivered = sim.run(line: "why host web")
        XCTAssertTrue(delivered.stdout.contains("판정: 전달됨"), delivered.stdout)
        XCTAssertEqual(delivered.exitCode, 0)
    }
}

final class NotSimulatedLanguageTests: XCTestCase {
    func testNotSimulatedLinesFollowTheLanguage() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "mv").stderr, "cnmlab: mv: not simulated (a real host has this command; cnmlab does not simulate it)\n")
        sim.language = "ko"
        XCTAssertEqual(sim.run(line: "mv").stderr, "cnmlab: mv: 시뮬레이션하지 않습니다 (실제 호스트에는 있는 명령이지만 cnmlab이 흉내 내지 않습니다)\n")
        XCTAssertEqual(sim.run(line: "docker attach x").stderr, "cnmlab: docker attach는 시뮬레이션하지 않습니다\n")
        XCTAssertEqual(sim.run(line: "mv").exitCode, 127)
    }

    /// The proxy half of `why` has every line in both languages, with the same placeholders.
    func testTheProxyLinesHaveBothLanguages() {
        XCTAssertEqual(Set(WhyThroughProxy.english.keys), Set(WhyThroughProxy.korean.keys))
        for (key, en) in WhyThroughProxy.english {
            XCTAssertEqual(MessageTemplate.placeholderNames(en), MessageTemplate.placeholderNames(WhyThroughProxy.korean[key] ?? ""), key)
        }
    }
}
