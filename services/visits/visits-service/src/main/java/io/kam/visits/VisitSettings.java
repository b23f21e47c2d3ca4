package io.kam.visits;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The visits service's settings ({@code kam.visits.*}).
 *
 * @param logWindow      how long after its planned time a visit's log is on time (48 h)
 * @param horizonWeeks   how many weeks ahead the schedule reaches (13)
 * @param photoMaxSize   the largest store-check photo accepted (5 MB)
 * @param photosPerCheck the most photos one store check may hold (20)
 * @param maxPriceRatio  a shelf price above this multiple of the agreed retail price, or below its inverse, is absurd
 */
@ConfigurationProperties("kam.visits")
public record VisitSettings(Duration logWindow, Integer horizonWeeks, DataSize photoMaxSize, Integer photosPerCheck,
                            BigDecimal maxPriceRatio) {

    public VisitSettings {
        logWindow = logWindow == null ? Duration.ofHours(48) : logWindow;
        horizonWeeks = horizonWeeks == null ? 13 : horizonWeeks;
        photoMaxSize = photoMaxSize == null ? DataSize.ofMegabytes(5) : photoMaxSize;
        photosPerCheck = photosPerCheck == null ? 20 : photosPerCheck;
        maxPriceRatio = maxPriceRatio == null ? BigDecimal.valueOf(5) : maxPriceRatio;
        if (logWindow.isNegative() || horizonWeeks < 1 || horizonWeeks > 53 || photoMaxSize.toBytes() < 1
                || photosPerCheck < 1 || maxPriceRatio.compareTo(BigDecimal.ONE) <= 0) {
            throw new IllegalArgumentException("kam.visits: the log window must not be negative, the horizon 1 to 53 weeks, "
                    + "the photo size and count positive, the price ratio above 1");
        }
    }
}
