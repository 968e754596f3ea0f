//! The platform rows of the table (see [`super`]).

use super::*;

/// #38 `GET /api/v1/platform/{platform}`.
pub static PLATFORM_SHOW: Operation = Operation {
    name: "platform-show",
    method: Method::GET,
    path: "/api/v1/platform/{platform}",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Shows the platform: settings, KYC levels, payment methods and currencies.",
    io: Io::json::<ShowPlatform>(),
};

/// #39 `POST /api/v1/platform/{platform}`.
pub static PLATFORM_UPDATE: Operation = Operation {
    name: "platform-update",
    method: Method::POST,
    path: "/api/v1/platform/{platform}",
    auth: Auth::Jwt,
    retry: RetrySafety::NotIdempotent,
    summary: "Updates the platform's name, base URL, IEN URL and type, and colour.",
    io: Io::json::<UpdatePlatform>(),
};

/// #40 `GET /api/v1/platform/{platform}/staff`.
pub static PLATFORM_STAFF: Operation = Operation {
    name: "platform-staff",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/staff",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists a page of the platform's staff members.",
    io: Io::json::<ListPlatformStaff>(),
};

/// #41 `GET /api/v1/platform/{platform}/user`.
pub static PLATFORM_USERS: Operation = Operation {
    name: "platform-users",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/user",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the users attached to the platform.",
    io: Io::json::<ListPlatformUsers>(),
};

/// #42 `GET /api/v1/platform/{platform}/order`.
pub static PLATFORM_ORDERS: Operation = Operation {
    name: "platform-orders",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/order",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the orders of the platform's users.",
    io: Io::json::<ListPlatformOrders>(),
};

/// #43 `GET /api/v1/platform/{platform}/quote`.
pub static PLATFORM_QUOTES: Operation = Operation {
    name: "platform-quotes",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/quote",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the quotes of the platform's users.",
    io: Io::json::<ListPlatformQuotes>(),
};

/// #44 `GET /api/v1/platform/{platform}/checkout`.
pub static PLATFORM_CHECKOUTS: Operation = Operation {
    name: "platform-checkouts",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/checkout",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the checkouts of the platform's users.",
    io: Io::json::<ListPlatformCheckouts>(),
};

/// #45 `GET /api/v1/platform/{platform}/transfer`.
pub static PLATFORM_TRANSFERS: Operation = Operation {
    name: "platform-transfers",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/transfer",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the transfers of the platform's users.",
    io: Io::json::<ListPlatformTransfers>(),
};

/// #46 `GET /api/v1/platform/{platform}/call`.
pub static PLATFORM_CALLS: Operation = Operation {
    name: "platform-calls",
    method: Method::GET,
    path: "/api/v1/platform/{platform}/call",
    auth: Auth::Jwt,
    retry: RetrySafety::Idempotent,
    summary: "Lists the calls CCPro made to the platform.",
    io: Io::json::<ListPlatformCalls>(),
};
