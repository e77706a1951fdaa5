package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameIdsTest {

    @Test
    void filmIsTheFolderNameWithOrWithoutHivePrefix() {
        assertEquals("heat", FrameIds.filmId("heat"));
        assertEquals("heat", FrameIds.filmId("film=heat"));
    }

    @Test
    void frameIdIsThePathBelowTheFilmWithoutExtension() {
        assertEquals("frame_00001", FrameIds.frameId("frame_00001.jpg"));
        assertEquals("reel1/frame_00042", FrameIds.frameId("reel1/frame_00042.png"));
        assertEquals("reel.1/frame", FrameIds.frameId("reel.1/frame"));
    }

    @Test
    void onlyVisibleImageFilesAreFrames() {
        assertTrue(FrameIds.isFrame("a.JPG"));
        assertTrue(FrameIds.isFrame("reel 1/frame #1 %.png"));
        assertFalse(FrameIds.isFrame("notes.txt"));
        assertFalse(FrameIds.isFrame(".hidden.jpg"));
        assertFalse(FrameIds.isFrame("_tmp/frame.jpg"));
        assertFalse(FrameIds.isFrame("jpg"));
    }
}
