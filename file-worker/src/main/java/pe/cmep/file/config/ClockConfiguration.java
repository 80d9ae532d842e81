package pe.cmep.file.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** "now" is always UTC (timestamps are naive UTC); tests pass a fixed clock instead. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
