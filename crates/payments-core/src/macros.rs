//! The macros provider crates use to forward the core client's options and methods.

/// Writes the options every provider `ClientBuilder` forwards to its `inner:`
/// [`ApiClientBuilder`](crate::provider::ApiClientBuilder) field: `retry`, `timeouts`, `reqwest_client`, `transport`,
/// `max_response_body` and `user_agent`. Use it inside the builder's `impl` block.
#[macro_export]
macro_rules! client_builder_options {
    () => {
        /// Sets the retry policy (default: 3 attempts, full-jitter back-off). Operations that
        /// are not idempotent (money moves, creations) are never retried once they may have
        /// reached the provider, whatever the policy.
        pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
            self.inner = self.inner.retry(policy);
            self
        }

        /// Sets the timeouts (default: connect 10 s, attempt 30 s, call 90 s).
        pub fn timeouts(mut self, timeouts: $crate::Timeouts) -> Self {
            self.inner = self.inner.timeouts(timeouts);
            self
        }

        /// Uses your own `reqwest::Client` (configure it with `redirect::Policy::none()`:
        /// provider credentials travel in headers reqwest would forward on a redirect).
        pub fn reqwest_client(mut self, client: $crate::ReqwestClient) -> Self {
            self.inner = self.inner.reqwest_client(client);
            self
        }

        /// Uses a custom transport (another HTTP stack, a recorder, an in-memory fake).
        pub fn transport(mut self, transport: ::std::sync::Arc<dyn $crate::Transport>) -> Self {
            self.inner = self.inner.transport(transport);
            self
        }

        /// Caps response bodies (default 4 MiB); a larger body is `Error::BodyTooLarge`.
        pub fn max_response_body(mut self, bytes: usize) -> Self {
            self.inner = self.inner.max_response_body(bytes);
            self
        }

        /// Sets the `User-Agent` header.
        pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
            self.inner = self.inner.user_agent(user_agent);
            self
        }
    };
}

/// Writes the per-call methods every provider `Client` forwards to its `api:`
/// [`ApiClient`](crate::provider::ApiClient) field: `send_with` and `send_with_meta`, and with `call_json` as argument
/// also `call_json`. Use it inside the client's `impl` block, next to its own `send`.
#[macro_export]
macro_rules! client_send_methods {
    () => {
        /// [`send`](Self::send) with per-call options (timeouts, retry policy, extra
        /// headers).
        pub async fn send_with<E: $crate::Endpoint>(
            &self,
            endpoint: &E,
            options: &$crate::RequestOptions,
        ) -> Result<E::Output, $crate::Error> {
            self.api.send_with(endpoint, options).await
        }

        /// [`send_with`](Self::send_with), also returning the status, request id, attempts,
        /// elapsed time and kept headers.
        pub async fn send_with_meta<E: $crate::Endpoint>(
            &self,
            endpoint: &E,
            options: &$crate::RequestOptions,
        ) -> Result<$crate::WithMeta<E::Output>, $crate::Error> {
            self.api.send_with_meta(endpoint, options).await
        }
    };
    (call_json) => {
        $crate::client_send_methods!();

        /// Calls any operation of [`OPERATIONS`](crate::operations::OPERATIONS) with its
        /// JSON input document (the documented body fields plus path and query parameters
        /// as top-level fields) and files, answering the decoded response as JSON with
        /// every digit kept; what the `payments` CLI uses.
        pub async fn call_json(
            &self,
            operation: &'static $crate::Operation,
            input: &str,
            files: Vec<$crate::InputFile>,
        ) -> Result<$crate::WithMeta<$crate::JsonOutput>, $crate::Error> {
            self.api.call_json(operation, input, files).await
        }
    };
}
