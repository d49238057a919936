//! Tests of the site: see tests/site.rs for the whole site of the default data.
