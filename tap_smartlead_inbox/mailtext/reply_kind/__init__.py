"""What kind of email a REPLY is: a person's answer, an auto-reply, a bounce or an unsubscribe.

Smartlead files delivery failures, out-of-office notes and ticket acknowledgements as
replies, so reply counts and reply rates mean little until they are told apart. The API
gives a body, a subject and a sender, seldom headers, and never a whole MIME message.

flufl.bounce, bounce-email and bounced were looked at and left aside: they read whole MIME
messages (which the API does not give) and know nothing of auto-replies or unsubscribe
requests; bounceclassifier is an unmaintained keyword list (2019).

The package, by what each part owns:

- _kinds: the four kinds' names, the column's values;
- _decide: the decision, strongest evidence first (headers, bounce, auto-reply,
  unsubscribe, human), and how the evidence is weighed; imported on the first reply;
- _families: the families of evidence (a bounce's subject, an away sentence, a removal
  request, ...), each compiled once from every language's list of its name;
- _layout: how a family's patterns become one regex laid out for speed;
- languages/: the patterns, one module per language, and `common` for what belongs to none
  (header names, SMTP codes, mail-system addresses).

Only the names below are public; the package imports nothing from the rest of the tap but
mailtext.reply_headers (where a person's quote starts, to read a notice whole).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._kinds import AUTO_REPLY, BOUNCE, HUMAN, REPLY_KINDS, UNSUBSCRIBE

__all__ = ["AUTO_REPLY", "BOUNCE", "HUMAN", "REPLY_KINDS", "UNSUBSCRIBE", "reply_kind"]

if TYPE_CHECKING:  # the signature callers are checked against
    from ._decide import reply_kind
else:

    def reply_kind(**evidence: Any) -> str:
        """HUMAN, AUTO_REPLY, BOUNCE or UNSUBSCRIBE for one REPLY email (_decide.reply_kind)."""
        return _decision()(**evidence)


@functools.cache
def _decision() -> Callable[..., str]:
    """_decide, imported on the first reply: compiling the families takes a third of a second,
    which a tap started only to --discover, to print --about or to refuse a config (and each
    `meltano run`'s discovery) has no reply to spend it on."""
    from ._decide import reply_kind as decide

    return decide
