{{ smartlead_inbox.newest_typed_rows(
    'email_history',
    smartlead_inbox.email_columns() + smartlead_inbox.fetch_columns(),
    key=['email_lead_map_id', 'email_key'],
) }}
