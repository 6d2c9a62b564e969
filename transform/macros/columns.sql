{#- The tap's columns by stream, each with its kind (staging.sql's typed_column), written once
    for the three streams that share them. -#}

{% macro lead_columns() -%}
{{ return([
    ('email_lead_map_id', 'id'),
    ('email_lead_id', 'id'),
    ('lead_email', 'text'),
    ('lead_first_name', 'text'),
    ('lead_last_name', 'text'),
    ('lead_company', 'text'),
    ('lead_phone', 'text'),
    ('email_campaign_id', 'int'),
    ('email_campaign_name', 'text'),
    ('email_campaign_seq_id', 'int'),
    ('email_account_id', 'int'),
    ('email_account_email', 'text'),
    ('email_account_name', 'text'),
    ('lead_category_id', 'int'),
    ('lead_category_name', 'text'),
    ('lead_status', 'text'),
    ('email_status', 'text'),
    ('current_sequence_number', 'int'),
    ('sequence_count', 'int'),
    ('sub_sequence_id', 'int'),
    ('belongs_to_sub_sequence', 'bool'),
    ('is_pushed_to_sub_sequence', 'bool'),
    ('is_ooo_automated_push_lead', 'bool'),
    ('has_new_unread_email', 'bool'),
    ('is_read', 'bool'),
    ('is_important', 'bool'),
    ('is_archived', 'bool'),
    ('is_snoozed', 'bool'),
    ('team_member_id', 'int'),
    ('client_id', 'int'),
    ('assigned_to_name', 'text'),
    ('assigned_to_email', 'text'),
    ('revenue', 'decimal'),
    ('last_sent_time', 'time'),
    ('last_reply_time', 'time'),
    ('lead_next_timestamp_to_send', 'time'),
    ('campaign_sending_tz', 'text'),
    ('campaign_sending_days', 'text'),
    ('campaign_sending_startHour', 'text', 'campaign_sending_start_hour'),
    ('campaign_sending_endHour', 'text', 'campaign_sending_end_hour'),
    ('old_replaced_lead_data', 'text'),
    ('message_row_id', 'text'),
    ('tags_json', 'text'),
    ('stats_json', 'text'),
    ('extra_fields_json', 'text'),
]) }}
{%- endmacro %}

{% macro fetch_columns() -%}
{{ return([('api_fetched_at', 'time'), ('source_endpoint', 'text')]) }}
{%- endmacro %}

{% macro thread_metric_columns() -%}
{{ return([
    ('history_count', 'int'),
    ('reply_count', 'int'),
    ('first_sent_at', 'time'),
    ('first_reply_at', 'time'),
    ('first_human_reply_at', 'time'),
    ('seconds_to_first_human_reply', 'int'),
    ('replied_after_step', 'int'),
    ('human_reply_count', 'int'),
    ('auto_reply_count', 'int'),
    ('bounce_count', 'int'),
    ('unsubscribe_count', 'int'),
    ('last_human_reply_at', 'time'),
    ('our_last_reply_at', 'time'),
    ('awaiting_our_reply', 'bool'),
]) }}
{%- endmacro %}

{#- email_history: the email's own columns, and of the lead only what names its thread. -#}
{% macro email_columns() -%}
{{ return([
    ('email_lead_map_id', 'id'),
    ('email_key', 'text'),
    ('email_lead_id', 'id'),
    ('email_campaign_id', 'int'),
    ('email_account_id', 'int'),
    ('history_index', 'int'),
    ('history_count', 'int'),
    ('history_type', 'text'),
    ('history_time', 'time'),
    ('history_email_seq_number', 'id', 'email_seq_number'),
    ('history_stats_id', 'text'),
    ('history_message_id', 'text'),
    ('history_subject', 'text'),
    ('history_from', 'text'),
    ('history_to', 'text'),
    ('history_cc_joined', 'text'),
    ('history_bcc_joined', 'text'),
    ('history_open_count', 'int'),
    ('history_click_count', 'int'),
    ('history_click_details_json', 'text'),
    ('history_opened_at', 'time'),
    ('history_attachments_json', 'text'),
    ('history_extra_json', 'text'),
    ('reply_kind', 'text'),
    ('reply_text', 'text'),
    ('email_body_text', 'text'),
    ('email_body_html', 'text'),
]) }}
{%- endmacro %}

{% macro last_message_columns() -%}
{{ return([
    ('last_message_subject', 'text'),
    ('last_message_sent_at', 'time'),
    ('last_message_opened_at', 'time'),
    ('last_message_replied_at', 'time'),
]) }}
{%- endmacro %}
