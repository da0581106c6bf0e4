package example.leakyshop;

import java.io.PrintStream;

/** What the demo prints once heapscope listens: where, and the commands to try. */
final class Banner {

    private Banner() {
    }

    static void print(int port, boolean leaks, PrintStream out) {
        String base = "http://127.0.0.1:" + port;
        String api = base + "/api/v1";
        out.println("heapscope listening on " + base);
        out.println(leaks ? """
                leakyshop is serving synthetic traffic with three leaks (a session cache, event listeners,
                a capturing closure) among healthy churn.""" : """
                leakyshop is serving synthetic traffic with its leaks off (--leaks off): healthy churn only,
                the run to compare with.""");
        out.println("""
                Find the leaks:

                  curl -s -X POST %1$s/tracing/start
                  curl -s -X POST -H 'Content-Type: application/json' -d '{"name":"before"}' %1$s/snapshots
                  sleep 30
                  curl -s -X POST -H 'Content-Type: application/json' -d '{"name":"after"}' %1$s/snapshots
                  curl -s -H 'Accept: text/plain' '%1$s/snapshots/after/compare/before?groupBy=line&view=allocated'
                  curl -s -H 'Accept: text/plain' '%1$s/snapshots/after/compare/before?groupBy=line&view=live'
                  curl -s -H 'Accept: text/plain' '%1$s/snapshots/after/compare/before?groupBy=type&view=live'
                  curl -s '%1$s/heap/histogram?limit=10'

                then who keeps them alive:

                  curl -s '%1$s/snapshots/after/leaks?limit=3'
                  curl -s -H 'Accept: text/vnd.graphviz' '%1$s/snapshots/after/leaks?limit=1' | dot -Tsvg > leak.svg
                  curl -s '%1$s/roots'
                  curl -s '%1$s/roots/sessions/size?limit=5'
                  curl -s '%1$s/roots/price-listeners/backrefs?type=example.leakyshop.CartWidget&limit=2'

                memory over time, and the leak watch (a snapshot a minute, six kept):

                  curl -s -H 'Accept: image/svg+xml' '%1$s/memory/timeline?since=15m' > memory.svg
                  curl -s -X POST -H 'Content-Type: application/json' -d '{"intervalSeconds":60}' %1$s/watch/start
                  curl -s %1$s/watch

                or let the admin script do it:

                  java -cp examples/target/heapscope-demo.jar example.admin.LeakHunt --url %1$s

                Ctrl-C stops the demo.""".formatted(api));
        out.flush();
    }
}
