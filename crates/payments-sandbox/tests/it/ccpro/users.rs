//! CCPro users: see the area's handlers in src/ccpro/.
