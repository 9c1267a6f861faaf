package dev.herald.bench.jmh;

import dev.herald.pusher.ApiSignature;
import dev.herald.pusher.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The signature checks on Herald's hot paths: a private/presence subscription's channel auth
 * ({@link Signatures#verifyAuth}) and an HTTP API trigger's request signature as the server checks
 * it ({@code body_md5} of the body, then {@link ApiSignature#sign} and a constant-time compare).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {
  private static final String KEY = "bench-key";
  private static final String SECRET = "bench-secret-0123456789abcdef";
  private static final String PATH = "/apps/bench/events";

  private String privateSigning;
  private String privateAuth;
  private String presenceSigning;
  private String presenceAuth;
  private byte[] body;
  private Map<String, String> params;
  private String signature;

  @Setup(Level.Trial)
  public void setUp() {
    String socketId = "123456.7890123";
    privateSigning = Signatures.channelSigningString(socketId, "private-user-42", null);
    privateAuth = Signatures.channelAuth(KEY, SECRET, socketId, "private-user-42", null);
    String channelData = "{\"user_id\":\"u42\",\"user_info\":{\"name\":\"user 42\"}}";
    presenceSigning = Signatures.channelSigningString(socketId, "presence-room-1", channelData);
    presenceAuth = Signatures.channelAuth(KEY, SECRET, socketId, "presence-room-1", channelData);
    body =
        "{\"name\":\"bench\",\"channel\":\"bench\",\"data\":\"@@1:123456789012\"}"
            .getBytes(StandardCharsets.UTF_8);
    params =
        new TreeMap<>(
            ApiSignature.signedParams(KEY, SECRET, "POST", PATH, Map.of(), body, 1_700_000_000L));
    signature = params.get(ApiSignature.AUTH_SIGNATURE);
  }

  @Benchmark
  public boolean verifyPrivateChannelAuth() {
    return Signatures.verifyAuth(KEY, SECRET, privateSigning, privateAuth);
  }

  @Benchmark
  public boolean verifyPresenceChannelAuth() {
    return Signatures.verifyAuth(KEY, SECRET, presenceSigning, presenceAuth);
  }

  @Benchmark
  public boolean verifyApiRequest() {
    boolean md5 =
        Signatures.constantTimeEquals(Signatures.md5Hex(body), params.get(ApiSignature.BODY_MD5));
    String expected = ApiSignature.sign(SECRET, "POST", PATH, params);
    return md5 & Signatures.constantTimeEquals(expected, signature);
  }

  @Benchmark
  public String hmacSha256Hex() {
    return Signatures.hmacSha256Hex(SECRET, privateSigning);
  }
}
