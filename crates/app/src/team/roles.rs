//! Reading a role from a request's text: a 422 naming the field when it is
//! not one of the four.
use xhs_domain::{FieldError, Role, Rule};

/// `role` as a [`Role`], or a field error listing the choices.
pub fn parse_role(field: &str, value: &str) -> Result<Role, FieldError> {
    value.trim().parse().map_err(|_| {
        FieldError::new(
            field,
            Rule::OneOf,
            format!("{field} must be one of viewer, operator, reviewer, admin"),
        )
    })
}
