{{ smartlead_inbox.newest_typed_rows(
    'inbox_replies',
    smartlead_inbox.lead_columns() + smartlead_inbox.thread_metric_columns() + smartlead_inbox.fetch_columns(),
    key=['email_lead_map_id'],
) }}
