//! What the OpenAPI document says every route may answer besides its own outcomes: the refusals
//! that follow from a route's shape (what it reads, whom it asks for a secret), written once here
//! rather than on each handler, so that a new route declares them by being what it is.

use std::borrow::Cow;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{OneOfBuilder, Schema};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{HeaderBuilder, ObjectBuilder, OpenApi, RefOr, Response, ResponseBuilder, Type};

use kvadrant::JoinCode;
use kvadrant_api::model::{LiveComments, LiveSheet, LiveView};
use utoipa::{Modify, PartialSchema, ToSchema};

use crate::error::ErrorBody;

/// The roles that prove themselves with a secret, each sent as `Authorization: Bearer <secret>`;
/// the administrator's is the instance's admin token (`--admin-token`).
pub struct Roles;

impl Modify for Roles {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for role in ["facilitator", "leaders", "group", "administrator"] {
            components.add_security_scheme(
                role,
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
        }
    }
}

/// Adds to every operation the refusals its shape allows, with the error body and, where a
/// client may try again, `Retry-After`.
pub fn declare_refusals(openapi: &mut OpenApi) {
    for (path, item) in openapi.paths.paths.iter_mut() {
        let names_workshop = path.contains("{code}");
        let creates = !names_workshop && path.starts_with("/api/v1/workshops");
        let writes = [&mut item.put, &mut item.post, &mut item.delete, &mut item.patch].map(|o| (o, true));
        for (operation, writes) in std::iter::once((&mut item.get, false)).chain(writes) {
            let Some(operation) = operation else { continue };
            describe_join_code(operation);
            for (status, why) in refusals(operation, names_workshop, creates, writes) {
                let responses = &mut operation.responses.responses;
                responses.entry(status.to_string()).or_insert_with(|| refusal(status, why));
            }
        }
    }
}

/// Every `{code}` in a path is a join code, whose form the domain knows.
fn describe_join_code(operation: &mut Operation) {
    for parameter in operation.parameters.iter_mut().flatten() {
        if parameter.parameter_in == ParameterIn::Path && parameter.name == "code" {
            parameter.schema = Some(JoinCode::schema());
        }
    }
}

fn refusals(operation: &Operation, names_workshop: bool, creates: bool, writes: bool) -> Vec<(u16, &'static str)> {
    let has =
        |place: ParameterIn| operation.parameters.iter().flatten().any(|parameter| parameter.parameter_in == place);
    let needs_secret = operation
        .security
        .as_ref()
        .is_some_and(|requirements| !requirements.is_empty() && !requirements.iter().any(is_anonymous));
    let mut refusals = vec![
        (400, "The path or the query does not read: an id that is not a whole number, say."),
        (503, "The server is busy, or the request took too long; try again after `Retry-After` seconds."),
    ];
    let has_body = operation.request_body.is_some();
    if has_body {
        refusals.extend([
            (413, "The body is larger than the server reads."),
            (415, "The body is not sent as `application/json`."),
        ]);
    }
    if has_body || has(ParameterIn::Query) || names_workshop {
        refusals.push((422, "A value breaks a rule: `field` names it and `rule` says which."));
    }
    if names_workshop {
        refusals.push((404, "No such workshop, or nothing with this id in it."));
    }
    if names_workshop && writes {
        refusals.push((409, "The workshop is not in a state that allows this now, or changed at the same moment."));
    }
    if needs_secret {
        refusals.extend([(401, "No secret came with the request."), (403, "The secret sent does not allow this.")]);
    }
    if names_workshop || creates {
        refusals.push((
            429,
            "Too many failed lookups, or workshops made, from this address; try again after `Retry-After` seconds.",
        ));
    }
    refusals
}

/// A requirement with no scheme in it: the route also answers without a secret.
fn is_anonymous(requirement: &utoipa::openapi::security::SecurityRequirement) -> bool {
    serde_json::to_value(requirement).is_ok_and(|value| value == serde_json::json!({}))
}

fn refusal(status: u16, description: &str) -> RefOr<Response> {
    let body = RefOr::Ref(utoipa::openapi::Ref::from_schema_name(ErrorBody::name()));
    let mut response = ResponseBuilder::new()
        .description(description)
        .content("application/json", utoipa::openapi::ContentBuilder::new().schema(Some(body)).build());
    if matches!(status, 429 | 503) {
        let seconds = ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).build();
        response = response
            .header("Retry-After", HeaderBuilder::new().schema(seconds).description(Some("Seconds to wait.")).build());
    }
    RefOr::T(response.build())
}

/// A live stream of a workshop's screens: `view` events, and `comments` events when the
/// comments change.
pub struct ViewEvents;

/// A live stream of a group's sheet: as [`ViewEvents`], and `sheet` events with its own scores.
pub struct SheetEvents;

impl PartialSchema for ViewEvents {
    fn schema() -> RefOr<Schema> {
        events(&[("view", LiveView::name()), ("comments", LiveComments::name())])
    }
}

impl ToSchema for ViewEvents {}

impl PartialSchema for SheetEvents {
    fn schema() -> RefOr<Schema> {
        events(&[("view", LiveView::name()), ("comments", LiveComments::name()), ("sheet", LiveSheet::name())])
    }
}

impl ToSchema for SheetEvents {}

/// One server-sent event: its name, its id (the workshop's version) and its data, JSON of the
/// schema the name says.
fn events(kinds: &[(&str, Cow<'static, str>)]) -> RefOr<Schema> {
    let event = |(name, data): &(&str, Cow<'static, str>)| {
        let mut json = ObjectBuilder::new().schema_type(Type::String).content_media_type("application/json").build();
        let schema = serde_json::json!({ "$ref": format!("#/components/schemas/{data}") });
        json.extensions.get_or_insert_with(Default::default).insert("contentSchema".to_owned(), schema);
        ObjectBuilder::new()
            .property("event", ObjectBuilder::new().schema_type(Type::String).enum_values(Some([*name])))
            .property("id", ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[0-9]+$")))
            .property("data", json)
            .required("event")
            .required("data")
            .build()
    };
    kinds.iter().map(event).fold(OneOfBuilder::new(), |one_of, event| one_of.item(event)).into()
}
