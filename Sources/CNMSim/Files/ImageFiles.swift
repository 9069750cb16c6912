/// The files of each image that cnmlab models: the configuration files a learner reads, copies out
/// (`docker cp web:/etc/nginx/nginx.conf .`) and replaces, and the directories around them. The
/// image's other files are not modelled, so the directories that hold them are partial (`ls /etc`
/// says so rather than print a listing cnmlab would have to invent).
///
/// `/etc/hosts`, `/etc/resolv.conf` and `/etc/hostname` are not here: Docker writes them for each
/// container, and the simulation derives them from the model (`ResolutionFiles`).
public enum ImageFiles {
    /// Directories of every image: its root and `/etc` are partial, `/tmp` starts empty.
    static let common = (directories: ["/etc", "/tmp"], partial: ["/", "/etc"])

    /// The lower layer of a container of `image`.
    public static func tree(for image: Image) -> FileTree {
        let extra = byRepository[image.repository] ?? ([:], [], [])
        return FileTree(files: extra.files, directories: common.directories + extra.directories,
                        partial: common.partial + extra.partial)
    }

    static let byRepository: [String: (files: [String: String], directories: [String], partial: [String])] = [
        "nginx": (nginxFiles.merging(["/etc/nginx/mime.types": NginxMimeTypes.text]) { a, _ in a }, ["/usr/share/nginx/html"], ["/etc/nginx", "/usr/share/nginx/html"]),
        // The official image ships no configuration: /usr/local/etc/haproxy is empty
        // (docker-library/haproxy Dockerfile: `mkdir /usr/local/etc/haproxy`).
        "haproxy": ([:], ["/usr/local/etc/haproxy", "/var/lib/haproxy"], []),
    ]

    /// nginx's own files as the official image (nginx 1.27, pkg-oss packaging) has them once its
    /// entrypoint ran (`10-listen-on-ipv6-by-default.sh` adds the `[::]:80` listener to default.conf).
    static let nginxFiles: [String: String] = [
        "/etc/nginx/nginx.conf": """

        user  nginx;
        worker_processes  auto;

        error_log  /var/log/nginx/error.log notice;
        pid        /run/nginx.pid;


        events {
            worker_connections  1024;
        }


        http {
            include       /etc/nginx/mime.types;
            default_type  application/octet-stream;

            log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                              '$status $body_bytes_sent "$http_referer" '
                              '"$http_user_agent" "$http_x_forwarded_for"';

            access_log  /var/log/nginx/access.log  main;

            sendfile        on;
            #tcp_nopush     on;

            keepalive_timeout  65;

            #gzip  on;

            include /etc/nginx/conf.d/*.conf;
        }

        """,
        "/etc/nginx/conf.d/default.conf": """
        server {
            listen       80;
            listen  [::]:80;
            server_name  localhost;

            #access_log  /var/log/nginx/host.access.log  main;

            location / {
                root   /usr/share/nginx/html;
                index  index.html index.htm;
            }

            #error_page  404              /404.html;

            # redirect server error pages to the static page /50x.html
            #
            error_page   500 502 503 504  /50x.html;
            location = /50x.html {
                root   /usr/share/nginx/html;
            }

            # proxy the PHP scripts to Apache listening on 127.0.0.1:80
            #
            #location ~ \\.php$ {
            #    proxy_pass   http://127.0.0.1;
            #}

            # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
            #
            #location ~ \\.php$ {
            #    root           html;
            #    fastcgi_pass   127.0.0.1:9000;
            #    fastcgi_index  index.php;
            #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
            #    include        fastcgi_params;
            #}

            # deny access to .htaccess files, if Apache's document root
            # concurs with nginx's one
            #
            #location ~ /\\.ht {
            #    deny  all;
            #}
        }

        """,
    ]
}
