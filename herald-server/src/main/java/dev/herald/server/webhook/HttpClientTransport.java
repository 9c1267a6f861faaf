package dev.herald.server.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link WebhookTransport} on the JDK's {@link HttpClient}: HTTP/1.1 (what most webhook receivers
 * and their proxies expect), no redirects (a 3xx is an answer like any other non-2xx), a timeout on
 * connecting and on each request. The response body is discarded.
 */
final class HttpClientTransport implements WebhookTransport {
  private final HttpClient client;
  private final Duration timeout;

  HttpClientTransport(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public int post(WebhookRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(request.url())
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(http::header);
    return client.send(http.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
