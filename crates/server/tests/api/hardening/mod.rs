//! Issue 13: what probing with a fuzzer and by hand found, on every backend.
mod clients;
mod faults;
mod inputs;
mod protocol;
mod web;
