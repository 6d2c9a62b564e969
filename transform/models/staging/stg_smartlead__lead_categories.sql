{{ smartlead_inbox.newest_typed_rows(
    'lead_categories',
    [('id', 'int', 'category_id'), ('name', 'text', 'category_name'), ('extra_fields_json', 'text')]
        + smartlead_inbox.fetch_columns(),
    key=['category_id'],
) }}
