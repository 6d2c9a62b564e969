"""The four kinds a REPLY can be, the values of the reply_kind column."""

HUMAN, AUTO_REPLY, BOUNCE, UNSUBSCRIBE = "human", "auto_reply", "bounce", "unsubscribe"
REPLY_KINDS = (HUMAN, AUTO_REPLY, BOUNCE, UNSUBSCRIBE)
