import XCTest
@testable import CNMSim

/// The simulated files: paths, layers with whiteouts, limits, and that they are part of the world
/// (a copy of the engine keeps them; the fingerprint sees them).
final class LayeredFilesTests: XCTestCase {
    func testPathsNormaliseAndStayBelowRoot() {
        XCTAssertEqual(FilePath.resolve("nginx.conf", in: "/root"), "/root/nginx.conf")
        XCTAssertEqual(FilePath.resolve("../../../etc/./hosts", in: "/root"), "/etc/hosts")
        XCTAssertEqual(FilePath.resolve("//tmp//a/", in: "/"), "/tmp/a")
        XCTAssertNil(FilePath.resolve(String(repeating: "a", count: 5000), in: "/"))
        XCTAssertEqual(FilePath.parent("/a"), "/")
        XCTAssertEqual(FilePath.ancestors("/a/b/c"), ["/a", "/a/b"])
    }

    func testWriteAppendListRemove() throws {
        var engine = Engine(seed: 0)
        try engine.changeFiles(at: .host) { (f: inout LayeredFiles) throws(FileError) in
            try f.write("/root/a.conf", "one\n")
            try f.write("/root/a.conf", "two\n", append: true)
            try f.makeDirectory("/tmp/x/y", parents: true)
        }
        let view = try XCTUnwrap(engine.files(at: .host))
        XCTAssertEqual(view.node("/root/a.conf"), .file("one\ntwo\n"))
        XCTAssertEqual(try view.list("/root"), ["a.conf"])
        XCTAssertEqual(try view.list("/tmp"), ["x"])
        XCTAssertThrowsError(try view.list("/etc")) { XCTAssertEqual($0 as? FileError, .partialListing("/etc")) }
        var v = view
        XCTAssertThrowsError(try v.write("/nope/f", "x")) { XCTAssertEqual($0 as? FileError, .noSuchFile) }
        XCTAssertThrowsError(try v.write("/tmp", "x")) { XCTAssertEqual($0 as? FileError, .isDirectory) }
        XCTAssertThrowsError(try v.remove("/tmp/x", recursive: false)) { XCTAssertEqual($0 as? FileError, .isDirectory) }
        try v.remove("/tmp/x", recursive: true)
        XCTAssertNil(v.node("/tmp/x/y"))
        XCTAssertThrowsError(try v.write("/etc/hosts", "x")) { XCTAssertEqual($0 as? FileError, .derived("/etc/hosts")) }
    }

    func testContainerSeesImageFilesAndItsOwnChanges() throws {
        var engine = Engine(seed: 0)
        let c = try engine.createContainer(ContainerCreateRequest(name: "web", image: "nginx")).get()
        let view = try XCTUnwrap(engine.files(at: .container(c.id)))
        guard case .file(let conf)? = view.node("/etc/nginx/conf.d/default.conf") else { return XCTFail("no default.conf") }
        XCTAssertTrue(conf.contains("listen       80;"))
        XCTAssertEqual(try view.list("/etc/nginx/conf.d"), ["default.conf"])
        try engine.changeFiles(at: .container(c.id)) { (f: inout LayeredFiles) throws(FileError) in
            try f.remove("/etc/nginx/conf.d/default.conf", recursive: false)
            try f.write("/etc/nginx/conf.d/lb.conf", "upstream app {}\n")
        }
        let after = try XCTUnwrap(engine.files(at: .container(c.id)))
        XCTAssertEqual(try after.list("/etc/nginx/conf.d"), ["lb.conf"])
        XCTAssertNil(after.node("/etc/nginx/conf.d/default.conf"))
        // Another container of the same image still has the image's file.
        let d = try engine.createContainer(ContainerCreateRequest(name: "web2", image: "nginx")).get()
        XCTAssertNotNil(engine.files(at: .container(d.id))?.node("/etc/nginx/conf.d/default.conf"))
    }

    func testLimitsBoundEveryLayer() throws {
        var tree = FileTree()
        XCTAssertThrowsError(try tree.put("/big", .file(String(repeating: "x", count: FileLimits.maxFileBytes + 1)))) {
            XCTAssertEqual($0 as? FileError, .noSpace)
        }
        let mib = String(repeating: "y", count: FileLimits.maxFileBytes)
        var written = 0
        for k in 0..<20 {
            do { try tree.put("/f\(k)", .file(mib)); written += 1 } catch { break }
        }
        XCTAssertEqual(written, FileLimits.maxTotalBytes / FileLimits.maxFileBytes)
        XCTAssertLessThanOrEqual(tree.totalBytes, FileLimits.maxTotalBytes)
        var many = FileTree()
        var count = 0
        for k in 0..<(FileLimits.maxEntries + 10) {
            do { try many.put("/d\(k)", .directory); count += 1 } catch { break }
        }
        XCTAssertEqual(count, FileLimits.maxEntries)
    }

    func testFilesArePartOfTheFingerprintAndOfACopy() throws {
        var engine = Engine(seed: 0)
        let before = StateFingerprint.canonicalBytes(engine: engine)
        let snapshot = engine
        try engine.changeFiles(at: .host) { (f: inout LayeredFiles) throws(FileError) in try f.write("/root/n.conf", "x") }
        XCTAssertNotEqual(StateFingerprint.canonicalBytes(engine: engine), before)
        XCTAssertNil(snapshot.files(at: .host)?.node("/root/n.conf"))
        var other = Engine(seed: 0)
        try other.changeFiles(at: .host) { (f: inout LayeredFiles) throws(FileError) in try f.write("/root/n.conf", "y") }
        XCTAssertNotEqual(StateFingerprint.canonicalBytes(engine: engine), StateFingerprint.canonicalBytes(engine: other))
    }
}
