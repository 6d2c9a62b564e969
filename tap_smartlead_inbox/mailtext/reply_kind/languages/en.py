"""English (en).

English also holds the lists no other language has yet: a gateway's notice, a terse
out-of-office note, the way a footer offers the way out.
"""

SUBJECT_TAG = [
    "external:",
]

BOUNCE_SUBJECT = [
    # Exchange, Gmail, Postfix, Exim, qmail, Sendmail, Domino, Yahoo, iCloud
    "undeliver",
    "undelivered",
    "non-?deliver",
    (
        r"delivery (?:status notification \((?:failure|delay)\)|failure|failed|has failed"
        r"|notification: delivery has failed|problem)"
    ),
    "mail delivery (?:failed|failure|error)",
    "returned mail",
    "failure notice",
    (
        "message (?:not delivered|delivery failed|delivery failure|undeliverable|could not be delivered"
        "|blocked|rejected)"
    ),
    "mail system error",
    "delivery report",
    "address not found",
    "(?:warning: )?could not send message",
    "warning: message .{0,40}delayed",
    "returned to sender",
    "email delivery failure",
    "failed (?:mail|message|e-?mail|delivery)",
    "mail (?:error|failure|failed|not delivered|returned)",
    "(?:mail|e-?mail) (?:could not|couldn't|cannot|can't) be (?:delivered|sent)",
    "delivery (?:status notification|warning|delay|delayed|error|notice)",
    "mail delivery (?:warning|delay|delayed|notice|notification|status|problem)",
    r"(?:warning: )?message (?:has )?not (?:yet )?been delivered",
    "(?:mail|message|e-?mail) loop",
    "(?:message|post|posting) (?:rejected|held|refused) (?:by|for|to) (?:the )?(?:mailing )?list",
    r"your message (?:to \S{1,80} )?(?:could not|couldn't|cannot|can't|was not|wasn't) be delivered",
    "message (?:delayed|delay)",
]

AUTO_SUBJECT = [
    "(?:automatic|auto|automated)[- ]?(?:reply|response|answer)",
    "out of (?:the )?office",
    r"ooo\b",
    "away from (?:the )?office",
    "on vacation",
    "vacation",
    "on leave",
    "annual leave",
    "(?:parental|maternity|paternity) leave",
    "absence",
    "absent",
    r"away\b",
    "holiday",
    "left the company",
    "no longer (?:with|at|employed)",
    "email address change",
    r"(?:request|ticket|case) (?:received|#|no\.?|id)",
    "we(?:'ve| have)? received your",
    "thank you for (?:contacting|your (?:e-?mail|message|request|inquiry|enquiry))",
    r"\[?(?:ticket|request|case|incident)? ?#\d{3,}",
    r"auto ?:",
    "disposition notification",
    "acknowledg(?:e)?ment of (?:receipt|your)",
    "(?:sender|message) verification",
    "please verify",
]

AUTO_SUBJECT_ANYWHERE = [
    "automatic reply",
    "auto-?reply",
    "auto-?response",
    "out of (?:the )?office",
]

RECEIPT = [
    "read",
    "not read",
    "delivered",
    "relayed",
]

BOUNCE_SENDER = [
    "mail delivery (?:sub)?system",
    "mail delivery (?:service|agent)",
    "mail administrator",
]

DSN_TEXT = [
    # Gmail, Exchange/Outlook, Exim, Postfix, qmail, Sendmail, Yahoo, generic DSN fields
    "address not found",
    "message (?:wasn't|was not|couldn't be|could not be|cannot be|can't be) delivered",
    "(?:wasn't|was not|couldn't be|could not be) delivered to",
    "delivery (?:to the following recipients?|has) failed",
    "delivery has failed to these",
    "undeliverable",
    "was created automatically by mail delivery",
    "this is the mail system at host",
    "could not be delivered to one or more",
    "this is the qmail-send",
    "(?:wasn't|was not) able to deliver",
    "(?:unable|failed) to deliver (?:your|the|this) (?:message|mail|e-?mail)",
    "permanent (?:fatal )?(?:error|failure)",
    "recipient address rejected",
    "(?:user|mailbox|recipient) unknown",
    "no such user",
    "mailbox (?:unavailable|not found|(?:is )?full(?! of))",
    "account that you tried to reach does not",
    "remote server returned",
    "message blocked",
    "your message (?:to .{1,80} )?has been blocked",
    "returned to sender",
    "had permanent fatal errors",
    "mail delivery (?:failed|failure|subsystem|system)",
    "delivery status notification",
    r"your message to \S{1,80} (?:couldn't|could not|can't|cannot|wasn't|was not) be delivered",
    r"(?:wasn't|was not) found at \S+\.\w+",
    "(?:mail|e-?mail) (?:wasn't|was not|couldn't be|could not be|cannot be|can't be) delivered",
    "(?:your|the following|this) (?:message|mail|e-?mail) (?:could not|couldn't|cannot|can't) be sent",
    "has not (?:yet )?been delivered (?:to any|to the following|because)",
    "delay in (?:the )?delivery of",
    "(?:will )?continue (?:trying|to try|to attempt) (?:to deliver|delivery)",
    "delivery of (?:e-?mail|your message|the message|mail) .{0,60}(?:delayed|postponed)",
    "the following (?:mail|message) has been returned",
    "returned mail follows",
    "(?:this is|below is|attached is) a copy of (?:your|the) (?:original )?message",
    r"(?:first|following) \d+ lines of (?:your|the) (?:original )?message",
    "original message as received",
    "no valid recipients",
    "(?:message log|failed addresses) follows?",
    "mail delivery software",
    "this is the mailer-daemon",
    "error (?:has )?occurred while (?:attempting to deliver|delivering)",
    "no delivery could be attempted",
    "(?:you are|you're) not (?:a )?(?:member|subscriber) of (?:this|the|that) (?:mailing )?list",
    "(?:non-?member|non-?subscriber) (?:post|posting|submission)",
    "only (?:list )?(?:members|subscribers) (?:may|can|are allowed to) post",
    (
        "(?:post|posting|message) to (?:the )?(?:\\S+ )?(?:mailing )?list"
        " (?:\\S+ )?(?:was|has been) (?:rejected|held|refused|denied)"
    ),
    "(?:mail|routing) loop",
    "loop detected",
    "too many hops",
    "did not reach the following recipient",
    "(?:unable|failed) to deliver (?:message|mail|e-?mail) to",
    "original message follows",
    "held until the list moderator",
    "(?:post|posting|message) by (?:a )?non-?member",
    "members-only list",
    (
        "(?:mail|message|e-?mail) to (?:the following|one or more) recipients?"
        " (?:could not|couldn't|cannot|can't) be delivered"
    ),
    "(?:your )?message (?:has been|is|was) delayed",
    "still awaiting delivery",
    "your message has not been delivered",
    "you are not authorized to send mail to the",
    r"could not send message for (?:the )?past \d+",
    "message still undelivered after",
    "an error occurred while trying to deliver the mail",
    "failed to deliver to '",
    "blocked by (?:our|the recipient's) (?:spam|content) (?:firewall|filter)",
]

GATEWAY_TEXT = [
    (
        r"your (?:message|e-?mail)(?: to \S{1,80})? (?:was|has been|is being) (?:quarantined|rejected"
        r"|blocked|held (?:for review|in quarantine)|not delivered)"
    ),
    r"(?:message|e-?mail) (?:\S+ ){0,4}(?:has not been|was not) delivered",
    "(?:mailbox|quota) (?:quota )?exceeded",
    "over quota",
    "quarantined",
]

GATEWAY_HAND = [
    "reason:",
    "automatically generated",
    "automated (?:message|notice|notification)",
    "do not reply",
    "quarantine",
    "mail ?(?:filter|gateway|guard|security)",
    "e-?mail (?:security|gateway)",
]

AUTOMATED = [
    "this (?:is an?|message is an?|e-?mail is an?) auto",
    "auto(?:matic|mated)(?:ally generated)?[- ](?:reply|response|message|notification|e-?mail)",
    "autoreply",
    "auto-reply",
    "autoresponder",
    "(?:sent|generated) automatically",
    (
        "(?:we|i)(?:'ve| have)? (?:successfully )?received your (?:request|e-?mail|message|ticket|inquiry"
        "|enquiry|query|support request)"
    ),
    (
        r"your (?:request|ticket|case|inquiry|enquiry) (?:\(?#|no\.?|number|id|has been (?:received|logged"
        r"|created))"
    ),
    r"ticket (?:#|no\.?|number|id)\s?:?\s?\d",
    "(?:please )?do not reply (?:to|directly to) this",
    "thank you for contacting (?:us|our)",
    (
        r"your (?:request|ticket|case|inquiry|enquiry|query) \(?#?\d+\)? (?:has been|was"
        r"|is being) (?:received|logged|created|opened|submitted|reviewed)"
    ),
    r"your (?:reference|ticket|case|request|tracking) (?:number|no\.?|id)(?: is)?:? ?#?[a-z]{0,4}-?\d{3,}",
    "(?:type|write|add) your reply above this line",
    "reply above this line",
    r"thank(?:s| you) for (?:contacting|writing to|e-?mailing) [\w.+-]+@",
    (
        r"(?:we|our (?:\w+ )?team|a member of (?:our|the) (?:\w+ )?team)(?:'ll| will) (?:respond|reply"
        r"|get back to you|be in touch|contact you)(?: to you)?(?: \w+){0,3} within (?:\d+|one|two"
        r"|a few) (?:business |working )?(?:hours?|days?)"
    ),
    "(?:we )?(?:hereby )?acknowledge (?:the )?receipt of your",
    "we will (?:handle|process|deal with|review|respond to|reply to|answer) your (?:request|message|e-?mail"
    "|inquiry|enquiry) (?:as soon as|within|shortly|promptly|in the order)",
    "(?:has been|was) displayed",
    "no guarantee that the message has been read",
    # a read receipt's own sentence
    "was read on",
    "was deleted without being read",
    "this receipt verifies that the message",
    "your (?:e-?mail|message) has been received",
    r"please allow \d+(?:-\d+)? (?:business|working) days for a response",
]

AWAY = [
    (
        r"(?:i am|i'm|i will be|i'll be|i shall be|i am currently|i'm currently) (?:currently |now "
        r"|presently )?(?:out of (?:the )?office|ooo\b|away\b|(?:out|off) (?:until|till|of the country|sick"
        r"|today|this week)|on (?:annual |parental |maternity |paternity |sick |medical |study |business "
        r"|a )?(?:leave|vacation|holiday|holidays|pto|sabbatical|trip)|travel|at an? (?:conference"
        r"|trade ?show|event|offsite)|offline|not in the office)"
    ),
    "(?:currently|presently) (?:out of (?:the )?office|away|on (?:leave|vacation|holiday)|travel(?:l)?ing)",
    (
        "(?:i am|i'm) (?:currently )?(?:out|off) on (?:annual |parental |maternity |paternity |sick "
        "|medical )?(?:leave|vacation|holiday|pto)"
    ),
    (
        r"(?:we are|we're|our (?:\w+ )?(?:office|offices|practice|store|shop|studio|team|clinic) (?:is|are"
        r"|will be)) (?:currently |now )?closed"
    ),
    (
        r"(?:i am|i'm) (?:currently )?(?:travel(?:l)?ing|at (?:\w+ ){0,3}(?:conference|summit|expo|inbound"
        r"|congress|fair))"
    ),
]

RETURN = [
    (
        r"(?:i will|i'll|i shall|we will|we'll) (?:be )?(?:back|return|returning) (?:on|in the office"
        r"|to the office|at the office|to work|from|after|\d)"
    ),
    r"(?:returning|back) (?:to the office |in the office |to work )?on\b",
    (
        r"(?:until|till|through|thru) (?:and including )?(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may"
        r"|jun|jul|aug|sep|oct|nov|dec|\d|the \d)"
    ),
    "(?:respond|reply|get back to you|answer|attend to).{0,40}(?:upon|on|after) my return",
    "when i(?:'m| am) back",
    "upon my return",
    "(?:on|upon|after) (?:his|her|their) return",
    "(?:when|after|once) i return",
    "(?:will )?re-?open(?:s|ing)? on",
    "back (?:in the office|at my desk|online) (?:on|from)",
]

LIMITED = [
    "(?:limited|no|intermittent|sporadic|restricted) access to (?:my )?(?:e-?mails?|mail|inbox)",
    "(?:limited|reduced) availability",
    "reduced connectivity",
    "(?:responses?|repl(?:y|ies)) (?:will|may|might) be (?:delayed|slow|slower)",
    "(?:delayed|slower|slow) (?:response|responses|reply|replies)",
    "limited (?:e-?mail |internet |phone |wifi )?(?:access|connectivity)",
    "(?:your )?(?:e-?mails?|messages?|mail) (?:will|is|are) not (?:be )?(?:forwarded|read|monitored|checked)",
    "not (?:be )?(?:checking|reading|monitoring|answering) (?:my )?(?:e-?mails?|mail|inbox|messages)",
    "checking (?:e-?mails?|mail|messages) (?:only )?(?:occasionally|intermittently|sporadically)",
]

URGENT = [
    (
        "(?:for|in case of|regarding|with|on) (?:urgent|immediate|pressing|time-sensitive) (?:matters"
        "|requests|inquiries|enquiries|issues|questions|assistance|support|needs|help|queries|business)"
    ),
    "(?:if|when) (?:it is|it's|your (?:message|matter|request|query) is) urgent",
    "in my absence",
    "if (?:you need|you require) (?:immediate|urgent) (?:assistance|help|attention)",
    "(?:if|in case) (?:of )?(?:emergency|urgency)",
    r"for (?:\w+ )?emergencies",
    "(?:for|with) anything (?:urgent|time-sensitive|pressing)",
]

GONE = [
    (
        r"(?:address|mailbox|inbox|account) (?:\S+ ){0,2}(?:is|are) no longer"
        r" (?:in use|used|read|valid|being read|monitored)"
    ),
    "(?:i am|i'm|is|are|she is|he is|she's|he's) no longer (?:with|at|employed|working|part of)",
    "no longer (?:works?|employed) (?:at|for|by|with)",
    "(?:has|have) left (?:the company|the organi[sz]ation|the business|the firm)",
    (
        "(?:this|the) (?:mailbox|inbox|e-?mail address|address|account) (?:is )?(?:no longer"
        "|not) (?:being )?(?:monitored|in use|active|checked)"
    ),
    (
        "(?:i have|i've|has|have) (?:moved|changed) (?:to a new (?:role|position|job|team|department"
        "|company|employer)|roles|positions|jobs)"
    ),
    (
        "(?:this|my|the) (?:mailbox|inbox|e-?mail address|address|account) will (?:be )?(?:closed"
        "|deactivated|deleted|disabled|shut down|removed)"
    ),
]

OUT_NOTE = [
    (
        r"(?:ooo|out of (?:the )?office|out|away|off|on (?:pto|leave|vacation|holiday))(?: |\W{1,3})(?:until"
        r"|till|til|thru|through|today|this week|back|returning|sick|from \d)\b"
    ),
]

AWAY_OTHER = [
    (
        "(?:is|are) (?:currently |now |presently )?(?:out of (?:the )?office|away (?:from|until|till|on)"
        "|travel(?:l)?ing|on (?:annual |parental |maternity |paternity |sick |medical |business )?(?:leave"
        "|vacation|holiday|holidays|pto|sabbatical|trip))"
    ),
]

ENGAGED = [
    "interested",
    "interest in",
    "let'?s (?:talk|chat|meet|connect|set|schedule|book|do|hop|find)",
    "let us (?:talk|meet)",
    (
        "send (?:me|us|over) (?:the |your |a |some |more )?(?:pricing|price|deck|info|details|proposal"
        "|quote|case stud|brochure|invite|calendar|link|times?|slots?|demo)"
    ),
    "(?:book|schedule|set up|arrange) (?:a|some|the) (?:call|time|meeting|demo|chat)",
    "happy to (?:chat|talk|meet|connect|hop|learn)",
    "pricing",
    "how much",
    "tell me more",
    "more info",
    "works for me",
    "sounds (?:good|great|interesting)",
    "i'd like to (?:see|learn|know|try)",
    (
        "(?:can|could|shall|should) we (?:talk|chat|meet|speak|connect|set up|schedule|book|do|hop|find"
        "|catch up)"
    ),
    "works best",
    "would work for",
    r"(?:does|would) (?:\w+ ){1,3}work (?:for you)?\?",
    "how about (?:mon|tue|wed|thu|fri|next|a call)",
    "(?:i|we) (?:can|could) (?:do|take|jump on|hop on|have) a (?:quick |short )?(?:call|chat|meeting)",
    r"(?:i|we) can (?:talk|chat|meet|speak)\b",
    r"send (?:it|them|that|the \w+|your \w+) (?:over |directly )?(?:to me|my way)",
    r"send (?:it|them|that|the \w+|your \w+) over\b",
    r"what do you (?:\w+ )?(?:do|offer|sell|provide)\b",
    "what(?:'s| is) (?:the|your) offer",
    r"(?:i'm|i am) (?:now )?the (?:new |right |best )?(?:contact|person)\b",
    (
        "(?:call|ring|phone) me (?:tomorrow|today|later|this (?:afternoon|evening|morning|week)"
        "|next (?:week|mon|tue|wed|thu|fri))"
    ),
    (
        r"i(?:'ll| will) (?:read it|have a (?:\w+ )?look|take a (?:\w+ )?look)(?! (?:at (?:it|this"
        r"|your \w+) )?(?:when|after|upon|once|on my))"
    ),
]

NEGATION = [
    r"\bnot",
    "n't",
    # Spanish, Italian and Portuguese "no" too
    r"\bno",
    r"\bnever",
    r"\bdon",
    r"\bstop",
]

STOCK_QUESTION = [
    "urgen",
    "emergenc",
    "immediate",
    "assist",
    "help",
    "support",
    "question",
    "need",
    "contact",
    "colleague",
]

UNSUBSCRIBE = [
    "unsubscrib",
    r"unsub\b",
    "opt(?:ed)? (?:me |us )?out",
    r"remove (?:me|us|this (?:e-?mail|address))\b",
    "remove (?:my|our) (?:e-?mail|address|name|details|data|contact|info)",
    "take (?:me|us|my (?:e-?mail|address|name)) off",
    (
        "(?:off|from) (?:of )?(?:your|the|this) (?:mailing |e-?mail |distribution |contact |marketing "
        "|sales )?(?:list|database|sequence|campaign)"
    ),
    (
        "(?:off|from) (?:of )?(?:your|the|this) (?:mailing|e-?mail|distribution|contact|marketing|sales"
        "|crm) system"
    ),
    (
        "(?:stop|quit|cease) (?:e-?mailing|mailing|contacting|messaging|spamming|sending|writing|bothering"
        "|pestering|reaching out|harass)"
    ),
    (
        "(?:do not|don't|dont|never) (?:ever )?(?:contact|e-?mail|write|message|spam"
        "|reach out)(?: to)? (?:me|us|again|any)(?! (?:on|via|by|at) (?:my|this|the) (?:mobile|phone|cell"
        "|number|whatsapp|linkedin))"
    ),
    (
        "(?:do not|don't|dont|never) (?:ever )?send (?:me|us) (?:any ?more|again|further|more|e-?mails"
        "|mails|messages|anything)"
    ),
    "no more (?:e-?mails|messages|mails|spam)",
    "delete (?:my|our) (?:data|details|e-?mail|address|contact|information|info)",
    r"gdpr\b",
    "(?:i|we) (?:don't|do not|no longer|never) (?:want|wish|care) to (?:receive|get|hear from you)",
    "(?:i|we)(?:'d| would) (?:like|prefer) not to (?:receive|get|be contacted)",
]

ONE_WORD = [
    "stop",
    "remove",
    "unsubscribe",
    "unsub",
    "opt[- ]?out",
]

PLEASE = [
    "please ",
    "pls ",
]

OFFER_BEFORE = [
    r"\bto",
    r"\bcan",
    r"\bmay",
    "click(?: here)?",
    r"\bhere",
    r"\bwish to",
    r"\bwant to",
]

OFFER_AFTER = [
    "here",
    "at any time",
    "anytime",
    "link",
    "button",
    "page",
    "preferences",
]

ASKING_BEFORE = [
    r"(?:\b(?:i|we)(?:'d| would)?|\bplease|\bkindly) (?:(?:like|want|wish|need|ask) (?:you )?to|just)",
]

CHALLENGE = [
    (
        "(?:verify|confirm|prove) (?:that )?you(?:'re| are)? (?:a )?(?:human"
        "|real person|not a (?:robot|spammer|bot))"
    ),
    (
        "(?:your )?(?:message|e-?mail) (?:has been|was|is being|is) (?:waitlisted|held (?:pending|until)"
        "|awaiting (?:your )?(?:verification|confirmation))"
    ),
    "(?:pending|awaiting|requires) (?:your )?sender verification",
    "sender verification",
    (
        "(?:add|added) (?:you|yourself|your address) to (?:my|the|our)"
        " (?:approved senders|whitelist|allow ?list)"
    ),
    "challenge[- ]response",
    "(?:only )?accepts? (?:e-?mails?|messages?) (?:only )?from (?:approved|known|verified|trusted) senders",
    "(?:click|follow|visit) (?:the link|here|below) (?:below )?to (?:verify|confirm) (?:your|that you|this)",
    # a held message, released once the sender confirms
    "requires verification before (?:you can send|your message|messages?)",
    r'(?:message|e-?mail) about "[^"]{0,80}" (?:has been |was )waitlisted',
    "add yourself to (?:my|the|our) guest ?list",
    "verify (?:that )?you sent (?:the|this|your) (?:original )?message",
    "requires senders to verify",
    "confirm that you are not a spam (?:robot|bot)",
]

MOVED = [
    "(?:my|our|the|his|her) new (?:e-?mail )?address is",
    (
        "(?:write|send|direct|forward|address) (?:your |all |future )?(?:e-?mails?|messages?|correspondence)?"
        " ?(?:from now on |in (?:the )?future |going forward )?to (?:my|our|the) new (?:e-?mail )?address"
    ),
    (
        "(?:from now on|going forward|in (?:the )?future),? (?:please )?(?:write"
        "|send|contact|e-?mail|reach) (?:me|us|to)"
    ),
    "(?:has|have) (?:changed|moved) (?:my |our |his |her )?(?:e-?mail )?address",
    "(?:e-?mail )?address has (?:changed|moved)",
    "update your (?:records|address book|contact (?:details|list))",
]

COURTESY = [
    "thanks? (?:you )?(?:so much |very much )?for (?:your|the) (?:e-?mail|message|note|enquiry|inquiry)",
    "thank you for (?:reaching out|contacting (?:us|me))",
    (
        r"(?:we|i)(?:'ll| will| shall) (?:get back to you|reply|respond|answer|be in touch)"
        r"(?: to (?:you|your (?:e-?mail|message|enquiry|inquiry)))?"
        r"(?: as soon as (?:possible|we can|i can)| shortly| soon| promptly| asap"
        r"| within \d+ (?:hours|business days|working days))?"
    ),
]
