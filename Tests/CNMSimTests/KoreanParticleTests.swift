import XCTest
@testable import CNMSim

/// Korean particles chosen by how the word before them is read: Hangul finals, ㄹ with 으로/로,
/// Latin letters and words, digits and numbers, mixed names; and the template syntax that uses them.
final class KoreanParticleTests: XCTestCase {
    func p(_ particle: String, _ word: String) -> String { KoreanParticle.attach(particle, to: word) }

    func testHangulFinals() {
        XCTAssertEqual(p("이", "네트워크"), "네트워크가")
        XCTAssertEqual(p("이", "컨테이너"), "컨테이너가")
        XCTAssertEqual(p("이", "서비스"), "서비스가")
        XCTAssertEqual(p("가", "규칙"), "규칙이")
        XCTAssertEqual(p("은", "포트"), "포트는")
        XCTAssertEqual(p("는", "브리지망"), "브리지망은")
        XCTAssertEqual(p("을", "주소"), "주소를")
        XCTAssertEqual(p("를", "경로"), "경로를")
        XCTAssertEqual(p("과", "호스트"), "호스트와")
        XCTAssertEqual(p("와", "링크"), "링크와")
        XCTAssertEqual(p("와", "체인"), "체인과")
        XCTAssertEqual(p("이라는", "역할"), "역할이라는")
    }

    func testRieulTakesRoWithEuro() {
        XCTAssertEqual(p("으로", "터널"), "터널로")
        XCTAssertEqual(p("으로", "파일"), "파일로")
        XCTAssertEqual(p("으로", "게이트웨이"), "게이트웨이로")
        XCTAssertEqual(p("으로", "네임스페이스"), "네임스페이스로")
        XCTAssertEqual(p("로", "규칙"), "규칙으로")
        XCTAssertEqual(p("으로", "curl"), "curl로")
        XCTAssertEqual(p("으로", "10.0.0.1"), "10.0.0.1로")
        XCTAssertEqual(p("으로", "10.0.0.7"), "10.0.0.7로")
        XCTAssertEqual(p("으로", "10.0.0.3"), "10.0.0.3으로")
        // ㄹ still takes 이/은/을/과.
        XCTAssertEqual(p("이", "파일"), "파일이")
        XCTAssertEqual(p("은", "curl"), "curl은")
    }

    func testLatinLettersAndWords() {
        XCTAssertEqual(p("이", "remote"), "remote가")
        XCTAssertEqual(p("이", "db"), "db가")
        XCTAssertEqual(p("이", "web"), "web이")
        XCTAssertEqual(p("이", "redis-server"), "redis-server가")
        XCTAssertEqual(p("은", "frontnet"), "frontnet은")
        XCTAssertEqual(p("은", "subnet"), "subnet은")
        XCTAssertEqual(p("은", "nginx"), "nginx는")
        XCTAssertEqual(p("은", "alpine"), "alpine은")
        XCTAssertEqual(p("을", "ping"), "ping을")
        XCTAssertEqual(p("을", "host"), "host를")
        XCTAssertEqual(p("을", "network"), "network를")
        XCTAssertEqual(p("을", "app"), "app을")
        XCTAssertEqual(p("으로", "table"), "table로")
        XCTAssertEqual(p("은", "bridge"), "bridge는")
        XCTAssertEqual(p("은", "docker0"), "docker0은")
        // Spelled letter by letter: l 엘, m 엠, n 엔, r 알 end in a consonant.
        XCTAssertEqual(p("이", "tcp"), "tcp가")
        XCTAssertEqual(p("이", "html"), "html이")
        XCTAssertEqual(p("으로", "html"), "html로")
        XCTAssertEqual(p("은", "DNS"), "DNS는")
        XCTAssertEqual(p("은", "VM"), "VM은")
        XCTAssertEqual(p("으로", "R"), "R로")
        XCTAssertEqual(p("은", "LAN"), "LAN은")
        XCTAssertEqual(p("은", "NAT"), "NAT은")
    }

    func testDigitsAndNumbers() {
        XCTAssertEqual(p("은", "8080"), "8080은")       // 팔천팔십
        XCTAssertEqual(p("은", "80"), "80은")           // 팔십
        XCTAssertEqual(p("은", "100"), "100은")         // 백
        XCTAssertEqual(p("은", "10000"), "10000은")     // 만
        XCTAssertEqual(p("은", "6379"), "6379는")       // 구
        XCTAssertEqual(p("이", "5432"), "5432가")       // 이
        XCTAssertEqual(p("이", "3"), "3이")             // 삼
        XCTAssertEqual(p("이", "6"), "6이")             // 육
        XCTAssertEqual(p("이", "4"), "4가")             // 사
        XCTAssertEqual(p("이", "5"), "5가")             // 오
        XCTAssertEqual(p("이", "9"), "9가")             // 구
        XCTAssertEqual(p("이", "0"), "0이")             // 영
        XCTAssertEqual(p("으로", "1"), "1로")           // 일
        XCTAssertEqual(p("으로", "8"), "8로")           // 팔
        XCTAssertEqual(p("으로", "10"), "10으로")       // 십
        XCTAssertEqual(p("은", "eth0"), "eth0은")
        XCTAssertEqual(p("이", "172.18.0.2"), "172.18.0.2가")
    }

    func testMixedNamesAndPunctuation() {
        XCTAssertEqual(p("이", "w2d1s3-user-bridge-web-db"), "w2d1s3-user-bridge-web-db가")
        XCTAssertEqual(p("은", "172.18.0.0/16"), "172.18.0.0/16은")
        XCTAssertEqual(p("은", "6379/tcp"), "6379/tcp는")
        XCTAssertEqual(KoreanParticle.choose("은", after: "'web'"), "은")
        XCTAssertEqual(KoreanParticle.choose("이", after: "remote (192.168.1.20)"), "이")  // the last word read: 이십
        XCTAssertEqual(p("이", "웹서버1"), "웹서버1이")
        XCTAssertEqual(p("이", ""), "가")
        XCTAssertEqual(p("에서", "web"), "web에서")  // a particle with one form is written unchanged
    }

    func testTemplatesFillNamesAndParticles() {
        XCTAssertEqual(MessageTemplate.fill("{container:이} {network}에 연결되지 않았습니다", ["container": "web", "network": "frontnet"]),
                       "web이 frontnet에 연결되지 않았습니다")
        XCTAssertEqual(MessageTemplate.fill("{container:이} {network}에 연결되지 않았습니다", ["container": "db", "network": "backnet"]),
                       "db가 backnet에 연결되지 않았습니다")
        XCTAssertEqual(MessageTemplate.fill("'{0}'{:은} 선택지에 없습니다", ["tcp"]), "'tcp'는 선택지에 없습니다")
        XCTAssertEqual(MessageTemplate.fill("{0:으로} 갑니다", ["10.0.0.1"]), "10.0.0.1로 갑니다")
        // Unknown names, literal braces and values containing placeholders stay as written.
        XCTAssertEqual(MessageTemplate.fill("{name, address} {{{0}}} {9} {x:}", ["{1}", "b"]), "{name, address} {{{1}}} {9} {x:}")
        XCTAssertEqual(MessageTemplate.placeholderNames("{b:이} {a} {b} {:은} {{…}}"), ["a", "b"])
    }

    func testLanguageFromTheEnvironment() {
        XCTAssertEqual(Language.fromEnvironment(["LANG": "ko_KR.UTF-8"]), .ko)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"]), .ko)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "ko", "LANG": "C"]), .ko)
        XCTAssertEqual(Language.fromEnvironment(["CNMLAB_LANG": "ko", "LC_ALL": "C.UTF-8"]), .ko)
        XCTAssertEqual(Language.fromEnvironment(["CNMLAB_LANG": "fr", "LANG": "ko_KR.UTF-8"]), .ko)
        XCTAssertEqual(Language.fromEnvironment([:]), .en)
        XCTAssertEqual(Language.named(" KO "), .ko)
        XCTAssertNil(Language.named("fr"))
    }
}
