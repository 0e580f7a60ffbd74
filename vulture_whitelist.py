"""Names vulture cannot see used, each with where it is used.

vulture reads Python only. These are used by name from Django settings,
templates, allauth, Huey or onnxruntime, by the tests as checks, or kept for a
filed issue; everything else it reports is dead and should be deleted. Each
line is a bare name (``_.name`` for an attribute or method), as
``vulture --make-whitelist`` writes them.
"""

# Named in settings.py or bench/fault_settings.py (settings are read by name).
SlowFileBackend
ROOT_URLCONF  # bench/http_settings.py: the bare view of bench/http.py
AccountAdapter
MFAAdapter
MFAAuthenticateForm
MFAReauthenticateForm
AddPasskeyForm
EditPasskeyForm
ContextPasswordValidator
NoPersonalContent
JsonFormatter
hashed_key
installed_apps
FormRenderer  # FORM_RENDERER
field_template_name  # Django's form renderer reads it.
application  # wsgi.py, named by WSGI_APPLICATION and gunicorn.

# Named in urls.py as error handlers.
not_found
server_error
too_many_requests

# allauth calls these methods on our adapters and backends.
_.get_client_ip
_._get_login_attempts_cache_key
_.authentication_failed
_.generate_authenticator_name
_.format_email_subject
_._authenticate_by_email

# Huey calls these by signal or at start-up; a signal handler receives its name.
_started
_finished
signal_name
_scan_when_the_worker_starts

# Python's protocols and libraries read these attributes.
objtype  # The descriptor protocol's __get__ argument.
_._mutable  # QueryDict's lock, set back after cleaning.
_.validateLink  # markdown-it-py's link check.
_.ir_version  # onnx model metadata.
_.intra_op_num_threads  # onnxruntime session options, from here to log_severity_level.
_.inter_op_num_threads
_.enable_cpu_mem_arena
_.graph_optimization_level
_.log_severity_level
abstract  # Model Meta.

# Form fields, read by the form machinery and the templates.
discovered
living_together
password1
password2
new_triggers
did
see
hear
smell
taste
field_order
own_joy
own_calm
own_body
own_connection
_.scale_rows  # checkins/_form.html
_.cards  # values/sort.html
_.waiting  # calm/index.html
_.folded_open  # checkins/_form.html

# Model fields and their descriptions of what stays plain (PLAIN lists them for the README's threat model).
used
_.used
mood
anger
anxiety
self_worth
rotated
_.rotated
from_session  # a notice's origin, written by keyword in accounts.actions.do_add_notice
PLAIN
_.body_html  # an article's clean HTML, written by practice's actions, shown by the public article page

# Dataclass fields and properties read only by templates.
in_progress  # assessments/index.html
heading  # checkins/saved.html
link_text  # checkins/saved.html, progress/today.html
reading_minutes  # learn/index.html, progress/today.html
svg  # progress/_chart.html
strong_text  # progress/_chart_svg.html, from here to alternate: the chart's colours and type
surface
band_fill
band_opacity
font_family
font_size
alternate
days_with  # progress/progress.html
days_without
since_first
days_recorded  # progress/summary_pdf.html
trend_columns  # progress/_trends.html
trend_rows
helped
checkins_today  # progress/today.html
region
is_fallback  # safety/home_safety.html
other_sources  # safety data files, checked when a country file is read
common_place  # anger/index.html
ready_count  # calm/index.html
waiting_count
rested_count
looks_for  # sayno/how.html
they_say  # sayno/practise.html
strengths  # worth/index.html
accomplishments
strength_count
accomplishment_count

# Instrument definitions keep what the published questionnaire and its
# sources say, whether or not a screen shows it yet.
bands_source
bands_official
change_source
unscored_questions
feature  # The feature-map id in PRODUCT.md.

# Read and checked from every country's data file, but no page shows it yet:
# a safety gap to decide on, not code to delete.
domestic_abuse_note

# Kept for issue 14 (account deletion): deleting the data key makes the data noise.
forget_data_key

# Used only by tests, as checks of content and as shared test helpers.
do_set_display_name  # the one way a test names a member, sealed as Settings does
_.unit_scores  # test_semantic.py: every output of every unit, the reference RiskModel.strongest is checked against
has_bidi_controls
all_prompts
reading_minutes_for
_.contacts_of
assert_hidden_from
form_classes
crawl
database_holds
label_for
hrefs
words_before

# The public site (practice): Django's syndication and sitemaps call these by name.
feed_type
subtitle
feed_url
item_title
item_description
item_link
item_guid
item_guid_is_permalink
item_author_name
item_pubdate
item_updateddate
item_categories
get_protocol
get_domain
priority
changefreq
lastmod
structured  # practice/public/_meta.html

# The practice's columns that are set by keyword (create/update) and read in templates.
token_digest
invited_by
used_by
actor_name
target_type
target_id
target_label

# Webinars: columns read in templates or named in update_fields, counts the area page shows.
description_html  # practice/public/webinar.html
confirmed_at  # practice/area/webinar_people.html
cancelled_at  # actions/webinars.py update_fields
sent_24h  # actions/webinars.py, set by name in _claim
sent_1h  # actions/webinars.py, set by name in _claim
replay_sent  # actions/webinars.py, set by name in _claim
pending  # practice/area/webinar_people.html
cancelled  # practice/area/webinar_people.html
# Free consultations: a column found by its digest, choices and a form helper templates use.
feed_token_digest
OFF  # AvailabilityException.Kind
EXTRA
answer_fields  # practice/public/consultation_book.html
intake  # a sealed booking value, given to create_sealed and read in practice/area/_booking.html

# Read by test_neutral_words.py: every calendar title the practice offers.
NEUTRAL_TITLES

# The export page counts the parts as the job does them (accounts/export.html).
parts_done
parts_total

# Sharing (issue 15): an invitation is found by its code's digest.
code_digest  # sharing/actions.py and queries.py filter by it

# A suggestion's answers, compared by value in sharing/views.py and the client page.
OPENED
DECLINED

# Risk alerts (issue 15): the client list marks a client's newest alert (practice/area/clients.html).
latest_alert
# A toolkit entry shared one by one: a Part named by its value in the Grant rows.
TOOL_ENTRY

# The client page shows clinically significant change since the first result.
since_first_clinical  # practice/area/_client_shared.html
charts  # the check-in trend charts, practice/area/_client_shared.html
shares_trends  # the client list says when trends are shared but empty (practice/area/clients.html)
older  # the access log's link to older looks (sharing/connection.html)
trends_html  # progress/today.html
code_now  # tests: reclaim/testing/totp.py, the code an authenticator app shows now
# Django calls these: the auth backend's get_user on every signed-in request,
# and a session store drops a key that names no live session as Django's own does.
get_user  # reclaim/accounts/backends.py
_session_key  # reclaim/accounts/session_store.py
# Django's Redis cache makes its client holder from this attribute.
_class  # reclaim/core/cache.py
# Read by the safety tests only: parts kept for the next model, in no split.
RESERVED_PARTS  # reclaim/safety/detection/evaluation.py
# Run by the child process int8_graph_in_child starts, named in its command line.
write_int8_graph  # reclaim/safety/detection/encoder.py
