{#- sent_emails is opt-in: without its table this model is empty (and the marts say that
    their denominators are the replied leads alone). -#}
-- depends_on: {{ source('smartlead', 'sent_emails') }}
{{ smartlead_inbox.newest_typed_rows(
    'sent_emails',
    smartlead_inbox.lead_columns() + smartlead_inbox.last_message_columns() + smartlead_inbox.fetch_columns(),
    key=['email_lead_map_id'],
    optional=true,
) }}
