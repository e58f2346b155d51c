# Varnish in front of gunicorn: the edge cache for a site without a CDN (see the README).
#
#   reader -> (TLS: nginx or a load balancer) -> Varnish :6081 -> gunicorn :8000
#
# Public pages come back from the app with `Cache-Control: public, max-age=…, s-maxage=…`
# and are kept for s-maxage (Varnish reads it before max-age); anything private, and any
# response that sets a cookie, is passed. Anonymous readers' cookies (the CSRF cookie,
# analytics) are dropped so they share one copy; a reader with a session (signed in, or
# holding a page password or a message) and the private sections go straight through.
# The app's purge task sends PURGE for each address a change touches; only the addresses
# in the `purgers` ACL may purge or ban.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# The app servers (their task workers send the purges). Add each server's address.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.method == "PURGE") {
            # The address and every query variant of it (?page=2, ?topic=…), on every host
            # name the site answers to.
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        } else {
            # BAN /path/ drops everything under it; BAN / empties the cache (after a deploy
            # that changes templates).
            ban("obj.http.x-url ~ ^" + req.url);
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|guests|drafting|newsletter)(/|$)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    unset req.http.Authorization;
    return (hash);
}

sub vcl_hash {
    # An http:// request is answered with a redirect to https://: never the same object.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # Kept on the object so PURGE and BAN can find it by address.
    set beresp.http.x-url = bereq.url;
    # While a page is being fetched again after it expired, readers get the old copy.
    # Purged pages are gone at once whatever the grace.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    if (resp.status == 304) {
        # The reader keeps the page it has, and the policy that came with it.
        unset resp.http.Content-Security-Policy;
    }
}
