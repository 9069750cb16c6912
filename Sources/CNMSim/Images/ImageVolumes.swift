/// The `VOLUME` instructions of the catalogue's images (their config's `Volumes`), for which
/// `docker run` makes an anonymous volume unless something is already mounted there (moby v28.2.2
/// daemon/create_unix.go `createContainerOSSpecificSettings`). Sources, docker-library:
/// - redis 7.4 `Dockerfile` (debian and alpine): `VOLUME /data`;
/// - mysql `innovation/Dockerfile.oracle` (the 9.x `mysql:latest`): `VOLUME /var/lib/mysql`;
/// - postgres `17/bookworm/Dockerfile`: `VOLUME /var/lib/postgresql/data`.
/// The other images (busybox, alpine, ubuntu, nginx, httpd, traefik, haproxy, whoami, http-echo)
/// declare none.
extension Image {
    public var volumes: [String] {
        switch repository {
        case "redis": ["/data"]
        case "mysql": ["/var/lib/mysql"]
        case "postgres": ["/var/lib/postgresql/data"]
        default: []
        }
    }
}
