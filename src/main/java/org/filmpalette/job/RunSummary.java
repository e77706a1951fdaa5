package org.filmpalette.job;

import java.util.List;
import java.util.Map;

/**
 * What a run did, for the CLI's summary and for tests.
 *
 * @param framesSeen frame files listed under the input
 * @param framesNew frames decoded by this run (all of them with {@code --full})
 * @param framesRejected new frames rejected by this run
 * @param rejectReasons this run's rejects counted by reason code
 * @param filmPalettes every film palette now in the tables, as {@code film_id algorithm: #hex …} lines
 */
public record RunSummary(
        String runId,
        String tables,
        long framesSeen,
        long framesNew,
        long framesRejected,
        Map<String, Long> rejectReasons,
        List<String> touchedFilms,
        long films,
        List<String> filmPalettes,
        double seconds) {}
