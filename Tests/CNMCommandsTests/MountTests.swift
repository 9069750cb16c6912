import XCTest
@testable import CNMCommands
import CNMSim

/// `-v`, `--mount` and `docker volume`: what the container sees, what the host keeps, and the
/// daemon's and CLI's texts.
final class MountTests: XCTestCase {
    func testBindMountShowsTheHostFileAndReadOnlyRefusesWrites() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "cat > nginx.conf <<'EOF'\nevents {}\nEOF")
        XCTAssertEqual(sim.run(line: "docker run -d --name lb -v ./nginx.conf:/etc/nginx/nginx.conf:ro nginx").exitCode, 0)
        XCTAssertEqual(sim.run(line: "docker exec lb cat /etc/nginx/nginx.conf").stdout, "events {}\n")
        // A change on the host shows at once in the container (the same file).
        _ = sim.run(line: "echo 'http {}' >> nginx.conf")
        XCTAssertEqual(sim.run(line: "docker exec lb cat /etc/nginx/nginx.conf").stdout, "events {}\nhttp {}\n")
        XCTAssertEqual(sim.run(line: "docker exec lb rm /etc/nginx/nginx.conf").stderr,
                       "rm: cannot remove '/etc/nginx/nginx.conf': Device or resource busy\n")
        let ro = sim.run(line: "docker exec lb sh -c 'echo x > /etc/nginx/nginx.conf'")
        XCTAssertEqual(ro.stderr, "sh: 1: cannot create /etc/nginx/nginx.conf: Read-only file system\n")
        let mounts = sim.run(line: "docker inspect -f '{{json .Mounts}} {{json .HostConfig.Binds}}' lb").stdout
        XCTAssertEqual(mounts, #"[{"Type":"bind","Source":"/root/nginx.conf","Destination":"/etc/nginx/nginx.conf","Mode":"ro","RW":false,"Propagation":"rprivate"}] ["/root/nginx.conf:/etc/nginx/nginx.conf:ro"]"# + "\n")
    }

    func testWritableBindWritesTheHostAndMissingSourceDiffersByFlag() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "docker run -d --name w -v /srv/site:/usr/share/nginx/html nginx").exitCode, 0)
        _ = sim.run(line: "docker exec w sh -c 'echo hello > /usr/share/nginx/html/index.html'")
        XCTAssertEqual(sim.run(line: "cat /srv/site/index.html").stdout, "hello\n")
        let missing = sim.run(line: "docker run -d --name b --mount type=bind,source=/x,target=/y nginx")
        XCTAssertEqual(missing.exitCode, 125)
        XCTAssertTrue(missing.stderr.hasPrefix("docker: Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: /x\n"), missing.stderr)
        let noTarget = sim.run(line: "docker run -d --mount source=/x nginx")
        XCTAssertTrue(noTarget.stderr.hasPrefix("invalid argument \"source=/x\" for \"--mount\" flag: target is required\n"), noTarget.stderr)
        XCTAssertEqual(noTarget.exitCode, 125)
        let badName = sim.run(line: "docker run -d -v my/conf:/x nginx")
        XCTAssertTrue(badName.stderr.contains("\"my/conf\" includes invalid characters for a local volume name"), badName.stderr)
    }

    func testNamedVolumeIsSharedAndGetsTheImageFilesOnce() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker run -d --name a -v conf:/etc/nginx nginx")
        _ = sim.run(line: "docker run -d --name b -v conf:/etc/nginx nginx")
        XCTAssertEqual(sim.run(line: "docker exec a ls /etc/nginx/conf.d").stdout, "default.conf\n")
        _ = sim.run(line: "docker exec b rm /etc/nginx/conf.d/default.conf")
        XCTAssertEqual(sim.run(line: "docker exec a ls /etc/nginx/conf.d").stdout, "")
        XCTAssertEqual(sim.run(line: "docker volume ls").stdout, "DRIVER    VOLUME NAME\nlocal     conf\n")
        let rm = sim.run(line: "docker volume rm conf")
        XCTAssertTrue(rm.stderr.hasPrefix("Error response from daemon: remove conf: volume is in use - ["), rm.stderr)
        XCTAssertEqual(rm.exitCode, 1)
        _ = sim.run(line: "docker rm -f a b")
        XCTAssertEqual(sim.run(line: "docker volume prune -f").stdout, "Total reclaimed space: 0B\n")
        XCTAssertEqual(sim.run(line: "docker volume rm conf").stdout, "conf\n")
        XCTAssertEqual(sim.run(line: "docker volume rm conf").stderr, "Error response from daemon: get conf: no such volume\n")
    }

    func testVolumeCreateInspectAndPruneAll() {
        var sim = Simulator(seed: 0)
        XCTAssertEqual(sim.run(line: "docker volume create --label team=web data").stdout, "data\n")
        XCTAssertEqual(sim.run(line: "docker volume inspect -f '{{.Name}} {{.Driver}} {{.Mountpoint}} {{json .Labels}} {{json .Options}}' data").stdout,
                       "data local /var/lib/docker/volumes/data/_data {\"team\":\"web\"} {}\n")
        let missing = sim.run(line: "docker volume inspect nosuch")
        XCTAssertEqual(missing.stdout, "[]\n")
        XCTAssertEqual(missing.stderr, "Error response from daemon: get nosuch: no such volume\n")
        XCTAssertEqual(sim.run(line: "docker volume prune -f").stdout, "Total reclaimed space: 0B\n")
        XCTAssertEqual(sim.run(line: "docker volume prune -a -f").stdout, "Deleted Volumes:\ndata\n\nTotal reclaimed space: 0B\n")
        XCTAssertEqual(sim.run(line: "docker volume create --driver nfs x").exitCode, 127)
    }

    func testAnonymousVolumeIsInConfigVolumesAndGoesWithRm() {
        var sim = Simulator(seed: 0)
        _ = sim.run(line: "docker run -d --rm --name t -v /cache nginx")
        XCTAssertEqual(sim.run(line: "docker inspect -f '{{json .Config.Volumes}} {{json .HostConfig.Binds}}' t").stdout, "{\"/cache\":{}} null\n")
        XCTAssertEqual(sim.run(line: "docker volume ls -q").stdout.split(separator: "\n").count, 1)
        _ = sim.run(line: "docker stop t")
        XCTAssertEqual(sim.run(line: "docker volume ls -q").stdout, "")
        _ = sim.run(line: "docker run -d --name k -v /cache -v keep:/keep nginx")
        XCTAssertEqual(sim.run(line: "docker volume ls -q").stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(sim.run(line: "docker rm -f -v k").stdout, "k\n")
        XCTAssertEqual(sim.run(line: "docker volume ls -q").stdout, "keep\n")
    }
}
