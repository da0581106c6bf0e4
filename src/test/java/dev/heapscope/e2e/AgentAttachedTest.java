package dev.heapscope.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** {@code java -jar heapscope-agent.jar start <pid>} into the running conflicting host, then status, list, stop, start. */
class AgentAttachedTest extends AgentInHostContract {

    /** threads, recordings and mbeans, each an empty list, in any order. */
    static final String NOTHING_LEFT = "\\{(\"(threads|recordings|mbeans)\":\\[\\],?){3}\\}";

    @BeforeAll
    void startHostThenAttach() {
        host = TestHost.start();
        AgentCommandLine.Result started = AgentCommandLine.run("start", host.pid(), "--port", 0);
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.lastLine()).matches(TestHost.HEAPSCOPE_LISTENING.pattern());
        url = started.lastLine().substring("heapscope listening on ".length());
        assertThat(host.awaitHeapscope(1, TestHost.START_TIMEOUT)).isEqualTo(url);
    }

    @Test
    @Order(50)
    void start_whereHeapscopeRuns_printsItsUrl_andStartsNoSecondOne() {
        AgentCommandLine.Result again = AgentCommandLine.run("start", host.pid(), "--port", 0);

        assertThat(again.exit()).isZero();
        assertThat(again.lastLine()).isEqualTo("heapscope listening on " + url);
        assertThat(host.heapscopeUrls()).containsExactly(url);
    }

    @Test
    @Order(51)
    void status_printsTheUrl_exit0() {
        AgentCommandLine.Result status = AgentCommandLine.run("status", host.pid());

        assertThat(status.exit()).isZero();
        assertThat(status.lastLine()).isEqualTo("heapscope listening on " + url);
    }

    @Test
    @Order(52)
    void list_showsTheHost_withHeapscopesUrl() {
        AgentCommandLine.Result list = AgentCommandLine.run("list");

        assertThat(list.exit()).isZero();
        assertThat(list.output()).startsWith("PID").containsPattern("(?m)^" + host.pid() + "\\s+\\S*HostApp\\s+"
                + java.util.regex.Pattern.quote(url) + "$");
    }

    @Test
    @Order(95)
    void stop_releasesPortThreadsRecordingAndMBeans_andStartWorksAgain() throws Exception {
        AgentCommandLine.Result stopped = AgentCommandLine.run("stop", host.pid());

        assertThat(stopped.exit()).as(stopped.output()).isZero();
        assertThat(stopped.lastLine()).isEqualTo("heapscope stopped in process " + host.pid());
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/tracing"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
        Deadline.within(Duration.ofSeconds(30)).until("no heapscope thread, recording or MBean left: "
                + host.get("/heapscope-residue"), () -> host.get("/heapscope-residue").matches(NOTHING_LEFT));
        assertThat(AgentCommandLine.run("status", host.pid()).exit()).isEqualTo(1);
        assertThat(host.get("/versions")).contains("\"jetty\":\"9.4.");

        AgentCommandLine.Result restarted = AgentCommandLine.run("start", host.pid(), "--port", 0);

        assertThat(restarted.exit()).as(restarted.output()).isZero();
        url = restarted.lastLine().substring("heapscope listening on ".length());
        assertThat(new dev.heapscope.client.api.TracingApi(client()).getTracing().getTracing()).isFalse();
        assertThat(host.heapscopeUrls()).hasSize(2).endsWith(url);
    }

    @Test
    @Order(96)
    void stop_whereHeapscopeDoesNotRun_exit1() {
        assertThat(AgentCommandLine.run("stop", host.pid()).exit()).isZero();

        AgentCommandLine.Result again = AgentCommandLine.run("stop", host.pid());

        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.lastLine()).isEqualTo("heapscope is not running in process " + host.pid());
    }
}
