"""Portuguese (pt)."""

BOUNCE_SUBJECT = [
    "não é possível entregar",
    "não entregue",
    "falha na entrega",
    "não foi possível entregar",
    "mensagem não entregue",
    "não pode ser entregue",
]

AUTO_SUBJECT = [
    "resposta automática",
    "resposta automatica",
    "fora do escritório",
    "ausência",
    "férias",
    # "ausente": listed in es
    "confirmação de recebimento",
    "confirmação de receção",
    "mensagem automática",
]

AUTO_SUBJECT_ANYWHERE = [
    "resposta automática",
]

RECEIPT = [
    "lida",
]

RECEIPT_NOT_AUTO = [
    "entregue",
]

DSN_TEXT = [
    "(?:pôde|pode|foi) (?:ser )?entregue",
    "endereço não encontrado",
    "não foi possível entregar",
    "falha na entrega",
]

AUTOMATED = [
    "resposta automática",
    "mensagem automática",
    "recebemos (?:a sua|sua|o seu|seu) (?:solicitação|mensagem|e-?mail|pedido)",
    # a read receipt's own sentence
    "foi lida em",
    "foi lido em",
    "foi eliminada sem ser lida",
    r"sua solicitação \(?#?\d*\)? ?(?:foi recebida|está sendo analisada)",
]

AWAY = [
    "(?:estou|estarei) (?:atualmente )?(?:fora do escritório|de férias|ausente|em viagem|de licença)",
]

RETURN = [
    "ao meu retorno",
    "retornarei",
    "estarei de volta",
    "no meu regresso",
    "regressarei",
]

LIMITED = [
    "acesso limitado",
    "sem acesso (?:ao|aos)",
]

URGENT = [
    "(?:para|em caso de) (?:assuntos|questões) urgentes",
    "em caso de urgência",
    "na minha ausência",
]

GONE = [
    "não trabalha mais",
    "já não trabalha",
    "não faz mais parte",
    "deixou a empresa",
    (
        r"(?:endereço|caixa|conta) (?:\S+ ){0,2}(?:não está mais|já não"
        r" está|deixou de estar) (?:em uso|ativ[oa]|a ser monitorizad[oa])"
    ),
]

AWAY_OTHER = [
    "está (?:de férias|fora do escritório)",
    # "está ausente": listed in es
]

ENGAGED = [
    "tenho interesse",
    "interessad",
    "envie-me",
    "me envie",
    "preços",
    "vamos conversar",
    "podemos (?:conversar|falar)",
]

NEGATION = [
    r"\bnão",
]

STOCK_QUESTION = [
    "pergunt",
]

UNSUBSCRIBE = [
    "descadastr",
    "desinscrev",
    "cancelar (?:a )?(?:minha )?inscrição",
    r"(?:remova|removam|retire|retirem|excluam|exclua|tirem)[- ]?(?:me|nos|meu|o meu|minha)\b",
    "me (?:remova|removam|retire|tire|exclua)",
    "(?:parem|pare) de (?:me )?(?:enviar|mandar|contatar|escrever)",
    "não (?:me )?(?:contate|contatem|envie|enviem|mande|mandem|escrevam) mais",
    "não (?:quero|desejo) (?:mais )?receber",
]

ONE_WORD = [
    "descadastrar",
]

CHALLENGE = [
    "confirm(?:ar|e) que (?:você )?é (?:uma pessoa|humano|um humano)",
    "verificação do remetente",
    "(?:a sua|sua) mensagem (?:será|só será) entregue (?:após|quando|depois)",
    # a held message, released once the sender confirms
    r"sua mensagem (?:\S+ ){0,4}(?:foi|está) retida",
    "para que (?:ela|sua mensagem) seja entregue,? confirme",
]

MOVED = [
    "(?:o )?meu novo (?:endereço|e-?mail) (?:de e-?mail )?é",
    "(?:o )?meu (?:endereço de )?e-?mail (?:mudou|foi alterado)",
    "(?:a partir de agora|doravante|de agora em diante),? (?:por favor )?(?:escreva|envie|contacte|contate)",
]

COURTESY = [
    "obrigad[oa] pel[oa] (?:seu |sua )?(?:e-?mail|mensagem|contato|contacto)",
    (
        "(?:responderei|responderemos|retornarei|retornaremos) (?:o mais (?:rápido"
        "|breve) possível|em breve|brevemente)"
    ),
]
