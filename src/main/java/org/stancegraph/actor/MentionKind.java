package org.stancegraph.actor;

/** How an actor is named in the text; stored as the mention's sg:mentionKind. */
public enum MentionKind {
    /** Its name or another full name ("Azerbaijan", "Republic of Azerbaijan", "Recep Tayyip Erdogan"). */
    NAME,
    /** An abbreviation ("OSCE", "OTSC"). */
    ABBREVIATION,
    /** An adjective or demonym ("Azerbaijani", "Azeri"). */
    DEMONYM,
    /** A capital or seat of power standing for the state ("Baku", "the Kremlin"). */
    METONYM,
    /** The territory a de-facto state controls ("Nagorno-Karabakh"), an actor only beside an authority. */
    TERRITORY,
    /** A person's surname after a full mention or a title ("Erdogan", "Mr Blinken"). */
    SURNAME,
    /** A role of a state or organisation ("Turkey's foreign minister", "the UN chief"). */
    TITLE,
    /** A definite description pointing back to an actor named shortly before ("the alliance" after "the CSTO"). */
    DESCRIPTION;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
