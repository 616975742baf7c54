package org.stancegraph.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "28/09/2020|2020-09-28",
            "Updated: 28/09/2020|2020-09-28",
            "09/28/2020|2020-09-28",
            "03/04/2021|2021-04-03",
            "28.09.2020|2020-09-28",
            "September 28, 2020|2020-09-28",
            "Sept. 28, 2020|2020-09-28",
            "Monday, September 28, 2020|2020-09-28",
            "28 September 2020|2020-09-28",
            "1st of May 2019|2019-05-01",
            "Published on 28 Sep 2020|2020-09-28",
            "Mon 28 Sep 2020 18.13 CEST|2020-09-28",
            "Last updated: Tue 6 Oct 2020 09:05 BST|2020-10-06",
            "2020-09-28|2020-09-28",
            "2020-09-28T23:30:00Z|2020-09-28",
            "2021-06-02T21:30:00-04:00|2021-06-02",
            "2020-09-28T18:13:00.123+02:00|2020-09-28",
    })
    void aWholeLineDateIsParsed(String written, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), Dates.parse(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2020", "31/02/2020", "Fighting broke out on 28 September 2020 near the border",
            "September 2020", "Share", "13/13/2020"})
    void anythingElseIsNotADateLine(String written) {
        assertEquals(Optional.empty(), Dates.parse(written));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "By Jane Roe with AP • Updated: 28/09/2020|2020-09-28",
            "Filed 2 March 2021 from the capital, revised 3 March 2021|2021-03-02",
            "Reported September 28, 2020 and 2020-10-01|2020-09-28",
    })
    void theFirstDateInsideLongerTextIsFound(String written, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), Dates.find(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no date here", "room 12/14", "version 2020-13-45"})
    void textWithoutADateHasNone(String written) {
        assertEquals(Optional.empty(), Dates.find(written));
    }
}
