//! CCPro kyc: see the area's handlers in src/ccpro/.
