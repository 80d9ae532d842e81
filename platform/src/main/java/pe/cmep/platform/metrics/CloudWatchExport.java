package pe.cmep.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What reaches CloudWatch. Every metric series there is billed by the month (and every tag value makes a new
 * series), so only the meters an alarm or the dashboard reads are exported, and a tag that carries an id or a raw
 * path never is: a request for {@code /solicitudes/123} must not create a series of its own.
 */
public final class CloudWatchExport {

    /** Tag keys whose values are ids, raw paths, exception messages or exact codes: one series per value. */
    private static final List<String> UNBOUNDED_KEYS = List.of("uri", "path", "url", "exception", "error", "status",
            "session", "email", "message_id", "event_id");
    private static final Pattern ID_KEY = Pattern.compile("(^|[._-])id$");
    private static final Pattern UUID = Pattern.compile(
            "(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
    /** A path segment or a whole value made of digits: {@code /solicitudes/123}, {@code 42}. */
    private static final Pattern NUMERIC_SEGMENT = Pattern.compile("(^|.*/)\\d+(/.*|$)");

    private final List<String> exported;

    /** @param exported meter names (or name prefixes ending in '.') that are sent; everything else stays local */
    public CloudWatchExport(List<String> exported) {
        this.exported = List.copyOf(exported);
    }

    public boolean isExported(String meterName) {
        return exported.stream().anyMatch(name -> name.endsWith(".")
                ? meterName.startsWith(name)
                : meterName.equals(name));
    }

    /** True when a tag would make one series per request, id or exception rather than one per kind of thing. */
    public static boolean isUnbounded(Tag tag) {
        String key = tag.getKey().toLowerCase(Locale.ROOT);
        String value = tag.getValue();
        return UNBOUNDED_KEYS.contains(key)
                || ID_KEY.matcher(key).find()
                || UUID.matcher(value).matches()
                || NUMERIC_SEGMENT.matcher(value).matches();
    }

    /** The filters of the CloudWatch registry, in the order they must apply. */
    public List<MeterFilter> filters() {
        return List.of(onlyExported(), withoutUnboundedTags());
    }

    private MeterFilter onlyExported() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return isExported(id.getName()) ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
            }
        };
    }

    private static MeterFilter withoutUnboundedTags() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                List<Tag> kept = id.getTags().stream().filter(tag -> !isUnbounded(tag)).toList();
                return kept.size() == id.getTags().size() ? id : id.replaceTags(kept);
            }
        };
    }
}
