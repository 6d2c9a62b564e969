"""Basque (eu)."""

BOUNCE_SUBJECT = [
    "ezin izan da entregatu",
    "entrega huts egin du",
]

AUTO_SUBJECT = [
    "erantzun automatikoa",
    "bulegotik kanpo",
    "oporretan",
]

DSN_TEXT = [
    "zure mezua ezin izan da entregatu",
    "ez da helbidea aurkitu",
]

AUTOMATED = [
    "hau erantzun automatikoa da",
    "zure mezua jaso dugu",
    "automatikoki sortutako mezua",
]

CHALLENGE = [
    "baieztatu gizakia zarela",
]

AWAY = [
    "bulegotik kanpo (?:nago|egongo naiz)",
    "oporretan (?:nago|egongo naiz)",
]

RETURN = [
    "\\b\\d{1,2}(?:e?ra|an) (?:arte|itzuliko naiz)",
    "(?:urtarril|otsail|martxo|apiril|maiatz|ekain|uztail|abuztu|irail|urri|azaro|abendu)aren \\d{1,2}",
]

LIMITED = [
    "sarbide mugatua",
]

URGENT = [
    "gai premiazkoetarako",
    "premiazko gaietarako",
]

GONE = [
    "ez da gehiago enpresan lanean ari",
    "helbide elektroniko hau ez da gehiago erabiltzen",
]

MOVED = [
    "nire helbide elektroniko berria",
]

COURTESY = [
    "eskerrik asko zure mezuagatik",
    "ahalik eta lasterren erantzungo dizugu",
]

ENGAGED = [
    "interesgarria",
    "zenbat balio du",
    "hitz egin dezakegu",
]

UNSUBSCRIBE = [
    "kendu nazazu zerrendatik",
    "ez bidali mezu gehiago",
]
