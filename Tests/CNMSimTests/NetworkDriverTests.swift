import XCTest
@testable import CNMSim

/// What each driver answers the engine (docs/design.md, "Drivers own their behaviour"): one row per
/// driver, so a change to a driver's answer shows here before it shows in a golden transcript.
final class NetworkDriverTests: XCTestCase {
    func testEachKindHasItsOwnDriver() {
        for kind in DriverKind.allCases {
            XCTAssertEqual(networkDriver(for: kind).kind, kind)
        }
    }

    func testNetworkAndEndpointAnswers() {
        struct Row: Equatable {
            var scope: String, ipam: Bool, singleton: Bool, afterIPAM: Bool
            var addressing: EndpointAddressing, link: EndpointLink, ports: Bool, firewall: Bool, hostStack: Bool
        }
        func row(_ kind: DriverKind) -> Row {
            let d = networkDriver(for: kind)
            return Row(scope: d.scope, ipam: d.usesIPAM, singleton: d.isSingleton, afterIPAM: d.validatesAfterIPAM,
                       addressing: d.addressing, link: d.endpointLink, ports: d.mapsPorts, firewall: d.programsFirewall,
                       hostStack: d.sharesHostStack)
        }
        XCTAssertEqual(row(.bridge), Row(scope: "local", ipam: true, singleton: false, afterIPAM: false, addressing: .localPool,
                                         link: .veth(hostEnd: true), ports: true, firewall: true, hostStack: false))
        XCTAssertEqual(row(.host), Row(scope: "local", ipam: false, singleton: true, afterIPAM: false, addressing: .none,
                                       link: .none, ports: false, firewall: false, hostStack: true))
        XCTAssertEqual(row(.null), Row(scope: "local", ipam: false, singleton: true, afterIPAM: false, addressing: .none,
                                       link: .none, ports: false, firewall: false, hostStack: false))
        XCTAssertEqual(row(.macvlan), Row(scope: "local", ipam: true, singleton: false, afterIPAM: true, addressing: .localPool,
                                          link: .child, ports: false, firewall: false, hostStack: false))
        XCTAssertEqual(row(.ipvlan), Row(scope: "local", ipam: true, singleton: false, afterIPAM: true, addressing: .localPool,
                                         link: .child, ports: false, firewall: false, hostStack: false))
        XCTAssertEqual(row(.overlay), Row(scope: "swarm", ipam: true, singleton: false, afterIPAM: false, addressing: .swarmPool,
                                          link: .veth(hostEnd: false), ports: false, firewall: false, hostStack: false))
    }

    func testGatewayAllocationAndModes() {
        let isolated = [BridgeDriver.gatewayModeIPv4Option: "isolated"]
        XCTAssertTrue(BridgeDriver().skipsGatewayAllocation(options: isolated, isInternal: true))
        XCTAssertFalse(BridgeDriver().skipsGatewayAllocation(options: [:], isInternal: true))
        XCTAssertEqual(BridgeDriver().gatewayMode(options: [BridgeDriver.gatewayModeIPv4Option: "routed"]), .routed)
        XCTAssertEqual(MacvlanDriver().gatewayMode(options: [BridgeDriver.gatewayModeIPv4Option: "routed"]), .nat)
        XCTAssertNotNil(BridgeDriver().refusal(options: isolated, isInternal: false))
        XCTAssertNil(BridgeDriver().refusal(options: isolated, isInternal: true))

        let parent = [VlanLinks.parentOption: "eth0"]
        XCTAssertFalse(MacvlanDriver().skipsGatewayAllocation(options: parent, isInternal: false))
        XCTAssertTrue(MacvlanDriver().skipsGatewayAllocation(options: [:], isInternal: false), "a dummy parent")
        XCTAssertTrue(MacvlanDriver().skipsGatewayAllocation(options: parent, isInternal: true))
        XCTAssertFalse(IpvlanDriver().skipsGatewayAllocation(options: parent, isInternal: false), "l2 by default")
        for mode in ["l3", "l3s"] {
            XCTAssertTrue(IpvlanDriver().skipsGatewayAllocation(options: parent.merging([IpvlanDriver.modeOption: mode]) { a, _ in a },
                                                                isInternal: false), mode)
        }
        var l3 = Network(id: "0123456789abcdef", name: "l3", driver: .ipvlan, created: .epoch, ipamOptions: nil, ipamConfig: nil,
                         subnet: nil, gateway: nil, options: parent.merging([IpvlanDriver.modeOption: "l3"]) { a, _ in a })
        XCTAssertTrue(IpvlanDriver().givesDeviceDefaultRoute(l3))
        l3.isInternal = true
        XCTAssertFalse(IpvlanDriver().givesDeviceDefaultRoute(l3), "internal: no route out")
        XCTAssertEqual(VlanLinks.dummyName(kind: .macvlan, networkID: "0123456789abcdef"), "dm-0123456789ab")
        XCTAssertEqual(VlanLinks.dummyName(kind: .ipvlan, networkID: "0123456789abcdef"), "di-0123456789ab")
    }

    func testEndpointRefusalAndMTU() {
        let withMAC = NetworkAttachment(network: "n", macAddress: MACAddress(bytes: [2, 0x42, 1, 2, 3, 4]))
        XCTAssertEqual(IpvlanDriver().endpointRefusal(withMAC), IpvlanDriver.customMACError)
        XCTAssertNil(MacvlanDriver().endpointRefusal(withMAC))
        XCTAssertEqual(BridgeDriver().mtu(options: [:]), 1500)
        XCTAssertEqual(BridgeDriver().mtu(options: [BridgeDriver.mtuOption: "1400"]), 1400)
        XCTAssertEqual(OverlayDriver().mtu(options: [:]), 1450)
        XCTAssertEqual(OverlayDriver().mtu(options: ["encrypted": ""]), 1424)
    }
}
