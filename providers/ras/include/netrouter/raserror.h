/*
 * netrouter/raserror.h - every RAS error number Windows defines, 600 to 877
 * (RASBASE to RASBASEEND), with Windows' names and values, and after each
 * the text RasGetErrorString gives for it (see RasGetErrorString(3)).
 * <netrouter/ras.h> includes it; a Windows source's <raserror.h> is this file
 * through the porting headers (netrouter-win.pc).
 *
 * The texts are Windows 10/11's: the message texts of the current Windows
 * SDK's raserror.h, and for the numbers that header keeps only for old
 * Windows versions (obsolete since Windows Vista, but still defined here so
 * that old sources compile) the wording Microsoft documents for them
 * ("Routing and Remote Access Error Codes", Microsoft Learn).  They are
 * Windows' words exactly, spelling slips and double spaces included, since
 * programs compare and log them.  Numbers 878 to 899 are not RAS errors.
 *
 * Form (read by scripts/errlist.awk at build time, which makes the list
 * RasGetErrorString answers from): one #define per number, its text in the
 * comment after the value, a long text going on in indented lines.
 */
#ifndef NETROUTER_RASERROR_H
#define NETROUTER_RASERROR_H

#define RASBASE 600
#define SUCCESS 0

#define PENDING                                      600 /* An operation is pending. */
#define ERROR_INVALID_PORT_HANDLE                    601 /* An invalid port handle was detected. */
#define ERROR_PORT_ALREADY_OPEN                      602 /* The specified port is already open. */
#define ERROR_BUFFER_TOO_SMALL                       603 /* The caller's buffer is too small. */
#define ERROR_WRONG_INFO_SPECIFIED                   604 /* Incorrect information was specified. */
#define ERROR_CANNOT_SET_PORT_INFO                   605 /* The port information cannot be set. */
#define ERROR_PORT_NOT_CONNECTED                     606 /* The specified port is not connected. */
#define ERROR_EVENT_INVALID                          607 /* An invalid event was detected. */
#define ERROR_DEVICE_DOES_NOT_EXIST                  608 /* A device was specified that does not exist. */
#define ERROR_DEVICETYPE_DOES_NOT_EXIST              609 /* A device type was specified that does not exist. */
#define ERROR_BUFFER_INVALID                         610 /* An invalid buffer was specified. */
#define ERROR_ROUTE_NOT_AVAILABLE                    611 /* A route was specified that is not available. */
#define ERROR_ROUTE_NOT_ALLOCATED                    612 /* A route was specified that is not allocated. */
#define ERROR_INVALID_COMPRESSION_SPECIFIED          613 /* An invalid compression was specified. */
#define ERROR_OUT_OF_BUFFERS                         614 /* There were insufficient buffers available. */
#define ERROR_PORT_NOT_FOUND                         615 /* The specified port was not found. */
#define ERROR_ASYNC_REQUEST_PENDING                  616 /* An asynchronous request is pending. */
#define ERROR_ALREADY_DISCONNECTING                  617 /* The modem (or other connecting device) is already
                                                            disconnecting. */
#define ERROR_PORT_NOT_OPEN                          618 /* The specified port is not open. */
#define ERROR_PORT_DISCONNECTED                      619 /* A connection to the remote computer could not be
                                                            established, so the port used for this connection was
                                                            closed. */
#define ERROR_NO_ENDPOINTS                           620 /* No endpoints could be determined. */
#define ERROR_CANNOT_OPEN_PHONEBOOK                  621 /* The system could not open the phone book file. */
#define ERROR_CANNOT_LOAD_PHONEBOOK                  622 /* The system could not load the phone book file. */
#define ERROR_CANNOT_FIND_PHONEBOOK_ENTRY            623 /* The system could not find the phone book entry for this
                                                            connection. */
#define ERROR_CANNOT_WRITE_PHONEBOOK                 624 /* The system could not update the phone book file. */
#define ERROR_CORRUPT_PHONEBOOK                      625 /* The system found invalid information in the phone book
                                                            file. */
#define ERROR_CANNOT_LOAD_STRING                     626 /* A string could not be loaded. */
#define ERROR_KEY_NOT_FOUND                          627 /* A key could not be found. */
#define ERROR_DISCONNECTION                          628 /* The connection was terminated by the remote computer
                                                            before it could be completed. */
#define ERROR_REMOTE_DISCONNECTION                   629 /* The connection was closed by the remote computer. */
#define ERROR_HARDWARE_FAILURE                       630 /* The modem (or other connecting device) was disconnected
                                                            due to hardware failure. */
#define ERROR_USER_DISCONNECTION                     631 /* The user disconnected the modem (or other connecting
                                                            device). */
#define ERROR_INVALID_SIZE                           632 /* An incorrect structure size was detected. */
#define ERROR_PORT_NOT_AVAILABLE                     633 /* The modem (or other connecting device) is already in use
                                                            or is not configured properly. */
#define ERROR_CANNOT_PROJECT_CLIENT                  634 /* Your computer could not be registered on the remote
                                                            network. */
#define ERROR_UNKNOWN                                635 /* There was an unknown error. */
#define ERROR_WRONG_DEVICE_ATTACHED                  636 /* The device attached to the port is not the one
                                                            expected. */
#define ERROR_BAD_STRING                             637 /* A string was detected that could not be converted. */
#define ERROR_REQUEST_TIMEOUT                        638 /* The remote server is not responding in a timely
                                                            fashion. */
#define ERROR_CANNOT_GET_LANA                        639 /* No asynchronous net is available. */
#define ERROR_NETBIOS_ERROR                          640 /* An error has occurred involving NetBIOS. */
#define ERROR_SERVER_OUT_OF_RESOURCES                641 /* The server cannot allocate NetBIOS resources needed to
                                                            support the client. */
#define ERROR_NAME_EXISTS_ON_NET                     642 /* One of your computer's NetBIOS names is already registered
                                                            on the remote network. */
#define ERROR_SERVER_GENERAL_NET_FAILURE             643 /* A network adapter at the server failed. */
#define WARNING_MSG_ALIAS_NOT_ADDED                  644 /* You will not receive network message popups. */
#define ERROR_AUTH_INTERNAL                          645 /* There was an internal authentication error. */
#define ERROR_RESTRICTED_LOGON_HOURS                 646 /* The account is not permitted to log on at this time of
                                                            day. */
#define ERROR_ACCT_DISABLED                          647 /* The account is disabled. */
#define ERROR_PASSWD_EXPIRED                         648 /* The password for this account has expired. */
#define ERROR_NO_DIALIN_PERMISSION                   649 /* The account does not have permission to dial in. */
#define ERROR_SERVER_NOT_RESPONDING                  650 /* The remote access server is not responding. */
#define ERROR_FROM_DEVICE                            651 /* The modem (or other connecting device) has reported an
                                                            error. */
#define ERROR_UNRECOGNIZED_RESPONSE                  652 /* There was an unrecognized response from the modem (or
                                                            other connecting device). */
#define ERROR_MACRO_NOT_FOUND                        653 /* A macro required by the modem (or other connecting device)
                                                            was not found in the device.INF file. */
#define ERROR_MACRO_NOT_DEFINED                      654 /* A command or response in the device.INF file section
                                                            refers to an undefined macro. */
#define ERROR_MESSAGE_MACRO_NOT_FOUND                655 /* The <message> macro was not found in the device.INF file
                                                            section. */
#define ERROR_DEFAULTOFF_MACRO_NOT_FOUND             656 /* The <defaultoff> macro in the device.INF file section
                                                            contains an undefined macro. */
#define ERROR_FILE_COULD_NOT_BE_OPENED               657 /* The device.INF file could not be opened. */
#define ERROR_DEVICENAME_TOO_LONG                    658 /* The device name in the device.INF or media.INI file is too
                                                            long. */
#define ERROR_DEVICENAME_NOT_FOUND                   659 /* The media.INI file refers to an unknown device name. */
#define ERROR_NO_RESPONSES                           660 /* The device.INF file contains no responses for the
                                                            command. */
#define ERROR_NO_COMMAND_FOUND                       661 /* The device.INF file is missing a command. */
#define ERROR_WRONG_KEY_SPECIFIED                    662 /* There was an attempt to set a macro not listed in
                                                            device.INF file section. */
#define ERROR_UNKNOWN_DEVICE_TYPE                    663 /* The media.INI file refers to an unknown device type. */
#define ERROR_ALLOCATING_MEMORY                      664 /* The system has run out of memory. */
#define ERROR_PORT_NOT_CONFIGURED                    665 /* The modem (or other connecting device) is not properly
                                                            configured. */
#define ERROR_DEVICE_NOT_READY                       666 /* The modem (or other connecting device) is not
                                                            functioning. */
#define ERROR_READING_INI_FILE                       667 /* The system was unable to read the media.INI file. */
#define ERROR_NO_CONNECTION                          668 /* The connection was terminated. */
#define ERROR_BAD_USAGE_IN_INI_FILE                  669 /* The usage parameter in the media.INI file is invalid. */
#define ERROR_READING_SECTIONNAME                    670 /* The system was unable to read the section name from the
                                                            media.INI file. */
#define ERROR_READING_DEVICETYPE                     671 /* The system was unable to read the device type from the
                                                            media.INI file. */
#define ERROR_READING_DEVICENAME                     672 /* The system was unable to read the device name from the
                                                            media.INI file. */
#define ERROR_READING_USAGE                          673 /* The system was unable to read the usage from the media.INI
                                                            file. */
#define ERROR_READING_MAXCONNECTBPS                  674 /* The system was unable to read the maximum connection BPS
                                                            rate from the media.INI file. */
#define ERROR_READING_MAXCARRIERBPS                  675 /* The system was unable to read the maximum carrier
                                                            connection speed from the media.INI file. */
#define ERROR_LINE_BUSY                              676 /* The phone line is busy. */
#define ERROR_VOICE_ANSWER                           677 /* A person answered instead of a modem (or other connecting
                                                            device). */
#define ERROR_NO_ANSWER                              678 /* The remote computer did not respond. To make sure that the
                                                            server can be reached, ping the remote computer. */
#define ERROR_NO_CARRIER                             679 /* The system could not detect the carrier. */
#define ERROR_NO_DIALTONE                            680 /* There was no dial tone. */
#define ERROR_IN_COMMAND                             681 /* The modem (or other connecting device) reported a general
                                                            error. */
#define ERROR_WRITING_SECTIONNAME                    682 /* There was an error in writing the section name. */
#define ERROR_WRITING_DEVICETYPE                     683 /* There was an error in writing the device type. */
#define ERROR_WRITING_DEVICENAME                     684 /* There was an error in writing the device name. */
#define ERROR_WRITING_MAXCONNECTBPS                  685 /* There was an error in writing the maximum connection
                                                            speed. */
#define ERROR_WRITING_MAXCARRIERBPS                  686 /* There was an error in writing the maximum carrier
                                                            speed. */
#define ERROR_WRITING_USAGE                          687 /* There was an error in writing the usage. */
#define ERROR_WRITING_DEFAULTOFF                     688 /* There was an error in writing the default-off. */
#define ERROR_READING_DEFAULTOFF                     689 /* There was an error in reading the default-off. */
#define ERROR_EMPTY_INI_FILE                         690 /* The media .INI file is empty. */
#define ERROR_AUTHENTICATION_FAILURE                 691 /* The remote connection was denied because the user name and
                                                            password combination you provided is not recognized, or
                                                            the selected authentication protocol is not permitted on
                                                            the remote access server. */
#define ERROR_PORT_OR_DEVICE                         692 /* There was a hardware failure in the modem (or other
                                                            connecting device). */
#define ERROR_NOT_BINARY_MACRO                       693 /* ERROR_NOT_BINARY_MACRO */
#define ERROR_DCB_NOT_FOUND                          694 /* ERROR_DCB_NOT_FOUND */
#define ERROR_STATE_MACHINES_NOT_STARTED             695 /* The state machines are not started. */
#define ERROR_STATE_MACHINES_ALREADY_STARTED         696 /* The state machines are already started. */
#define ERROR_PARTIAL_RESPONSE_LOOPING               697 /* The response looping did not complete. */
#define ERROR_UNKNOWN_RESPONSE_KEY                   698 /* A response keyname in the device.INF file is not in the
                                                            expected format. */
#define ERROR_RECV_BUF_FULL                          699 /* The modem (or other connecting device) response caused a
                                                            buffer overflow. */
#define ERROR_CMD_TOO_LONG                           700 /* The expanded command in the device.INF file is too
                                                            long. */
#define ERROR_UNSUPPORTED_BPS                        701 /* The modem moved to a connection speed not supported by the
                                                            COM driver. */
#define ERROR_UNEXPECTED_RESPONSE                    702 /* Device response received when none expected. */
#define ERROR_INTERACTIVE_MODE                       703 /* The connection needs information from you, but the
                                                            application does not allow user interaction. */
#define ERROR_BAD_CALLBACK_NUMBER                    704 /* The callback number is invalid. */
#define ERROR_INVALID_AUTH_STATE                     705 /* The authorization state is invalid. */
#define ERROR_WRITING_INITBPS                        706 /* An error occurred when writing the initial connection
                                                            speed. */
#define ERROR_X25_DIAGNOSTIC                         707 /* There was an error related to the X.25 protocol. */
#define ERROR_ACCT_EXPIRED                           708 /* The account has expired. */
#define ERROR_CHANGING_PASSWORD                      709 /* There was an error changing the password on the
                                                            domain.  The password might have been too short or might
                                                            have matched a previously used password. */
#define ERROR_OVERRUN                                710 /* Serial overrun errors were detected while communicating
                                                            with the modem. */
#define ERROR_RASMAN_CANNOT_INITIALIZE               711 /* The operation could not finish because it could not start
                                                            the Remote Access Connection Manager service in time.
                                                            Please try the operation again. */
#define ERROR_BIPLEX_PORT_NOT_AVAILABLE              712 /* The two-way port is initializing.  Wait a few seconds and
                                                            redial. */
#define ERROR_NO_ACTIVE_ISDN_LINES                   713 /* No active ISDN lines are available. */
#define ERROR_NO_ISDN_CHANNELS_AVAILABLE             714 /* No ISDN channels are available to make the call. */
#define ERROR_TOO_MANY_LINE_ERRORS                   715 /* Too many errors occurred because of poor phone line
                                                            quality. */
#define ERROR_IP_CONFIGURATION                       716 /* The Remote Access Service IP configuration is unusable. */
#define ERROR_NO_IP_ADDRESSES                        717 /* No IP addresses are available in the static pool of Remote
                                                            Access Service IP addresses. */
#define ERROR_PPP_TIMEOUT                            718 /* The connection was terminated because the remote computer
                                                            did not respond in a timely manner. */
#define ERROR_PPP_REMOTE_TERMINATED                  719 /* The connection was terminated by the remote computer. */
#define ERROR_PPP_NO_PROTOCOLS_CONFIGURED            720 /* A connection to the remote computer could not be
                                                            established.  You might need to change the network
                                                            settings for this connection. */
#define ERROR_PPP_NO_RESPONSE                        721 /* A connection to the remote access server was not made
                                                            because the remote access server did not respond. */
#define ERROR_PPP_INVALID_PACKET                     722 /* Invalid data was received from the remote computer.  This
                                                            data was ignored. */
#define ERROR_PHONE_NUMBER_TOO_LONG                  723 /* The phone number, including prefix and suffix, is too
                                                            long. */
#define ERROR_IPXCP_NO_DIALOUT_CONFIGURED            724 /* The IPX protocol cannot dial out on the modem (or other
                                                            connecting device) because this computer is not configured
                                                            for dialing out (it is an IPX router). */
#define ERROR_IPXCP_NO_DIALIN_CONFIGURED             725 /* The IPX protocol cannot dial in on the modem (or other
                                                            connecting device) because this computer is not configured
                                                            for dialing in (the IPX router is not installed). */
#define ERROR_IPXCP_DIALOUT_ALREADY_ACTIVE           726 /* The IPX protocol cannot be used for dialing out on more
                                                            than one modem (or other connecting device) at a time. */
#define ERROR_ACCESSING_TCPCFGDLL                    727 /* Cannot access TCPCFG.DLL. */
#define ERROR_NO_IP_RAS_ADAPTER                      728 /* The system cannot find an IP adapter. */
#define ERROR_SLIP_REQUIRES_IP                       729 /* SLIP cannot be used unless the IP protocol is
                                                            installed. */
#define ERROR_PROJECTION_NOT_COMPLETE                730 /* Computer registration is not complete. */
#define ERROR_PROTOCOL_NOT_CONFIGURED                731 /* The protocol is not configured. */
#define ERROR_PPP_NOT_CONVERGING                     732 /* Your computer and the remote computer could not agree on
                                                            PPP control protocols. */
#define ERROR_PPP_CP_REJECTED                        733 /* A connection to the remote computer could not be
                                                            completed.  You might need to adjust the protocols on this
                                                            computer. */
#define ERROR_PPP_LCP_TERMINATED                     734 /* The PPP link control protocol was terminated. */
#define ERROR_PPP_REQUIRED_ADDRESS_REJECTED          735 /* The requested address was rejected by the server. */
#define ERROR_PPP_NCP_TERMINATED                     736 /* The remote computer terminated the control protocol. */
#define ERROR_PPP_LOOPBACK_DETECTED                  737 /* Loopback was detected. */
#define ERROR_PPP_NO_ADDRESS_ASSIGNED                738 /* The remote connection was not made because the remote
                                                            access server did not assign an IP address. */
#define ERROR_CANNOT_USE_LOGON_CREDENTIALS           739 /* The authentication protocol required by the remote server
                                                            cannot use the stored password.  Redial, entering the
                                                            password explicitly. */
#define ERROR_TAPI_CONFIGURATION                     740 /* An invalid dialing rule was detected. */
#define ERROR_NO_LOCAL_ENCRYPTION                    741 /* The local computer does not support the required data
                                                            encryption type. */
#define ERROR_NO_REMOTE_ENCRYPTION                   742 /* The remote computer does not support the required data
                                                            encryption type. */
#define ERROR_REMOTE_REQUIRES_ENCRYPTION             743 /* The remote computer requires data encryption. */
#define ERROR_IPXCP_NET_NUMBER_CONFLICT              744 /* The system cannot use the IPX network number assigned by
                                                            the remote computer.  Additional information is provided
                                                            in the event log. */
#define ERROR_INVALID_SMM                            745 /* The Session Management Module (SMM) is not valid. */
#define ERROR_SMM_UNINITIALIZED                      746 /* The SMM is uninitialized. */
#define ERROR_NO_MAC_FOR_PORT                        747 /* No MAC for port. */
#define ERROR_SMM_TIMEOUT                            748 /* The SMM timed out. */
#define ERROR_BAD_PHONE_NUMBER                       749 /* The destination address or phone number is either invalid
                                                            or not present. */
#define ERROR_WRONG_MODULE                           750 /* The wrong SMM was specified. */
#define ERROR_INVALID_CALLBACK_NUMBER                751 /* The callback number contains an invalid character.  Only
                                                            the following 18 characters are allowed:  0 to 9, T, P, W,
                                                            (, ), -, @, and space. */
#define ERROR_SCRIPT_SYNTAX                          752 /* A syntax error was encountered while processing a
                                                            script. */
#define ERROR_HANGUP_FAILED                          753 /* The connection could not be disconnected because the user
                                                            does not have the required permission to disconnect. */
#define ERROR_BUNDLE_NOT_FOUND                       754 /* The system could not find the multi-link bundle. */
#define ERROR_CANNOT_DO_CUSTOMDIAL                   755 /* The system cannot perform automated dial because this
                                                            connection has a custom dialer specified. */
#define ERROR_DIAL_ALREADY_IN_PROGRESS               756 /* This connection is already being dialed. */
#define ERROR_RASAUTO_CANNOT_INITIALIZE              757 /* Remote Access Services could not be started
                                                            automatically.  Additional information is provided in the
                                                            event log. */
#define ERROR_CONNECTION_ALREADY_SHARED              758 /* Internet Connection Sharing is already enabled on the
                                                            connection. */
#define ERROR_SHARING_CHANGE_FAILED                  759 /* An error occurred while the existing Internet Connection
                                                            Sharing settings were being changed. */
#define ERROR_SHARING_ROUTER_INSTALL                 760 /* An error occurred while routing capabilities were being
                                                            enabled. */
#define ERROR_SHARE_CONNECTION_FAILED                761 /* An error occurred while Internet Connection Sharing was
                                                            being enabled for the connection. */
#define ERROR_SHARING_PRIVATE_INSTALL                762 /* An error occurred while the local network was being
                                                            configured for sharing. */
#define ERROR_CANNOT_SHARE_CONNECTION                763 /* Internet Connection Sharing cannot be enabled.  There is
                                                            more than one LAN connection other than the connection to
                                                            be shared. */
#define ERROR_NO_SMART_CARD_READER                   764 /* No smart card reader is installed. */
#define ERROR_SHARING_ADDRESS_EXISTS                 765 /* Internet Connection Sharing cannot be enabled.  A LAN
                                                            connection is already configured with the IP address that
                                                            is required for automatic IP addressing. */
#define ERROR_NO_CERTIFICATE                         766 /* A certificate could not be found.  Connections that use
                                                            the L2TP protocol over IPSec require the installation of a
                                                            machine certificate, also known as a computer
                                                            certificate. */
#define ERROR_SHARING_MULTIPLE_ADDRESSES             767 /* Internet Connection Sharing cannot be enabled.  The LAN
                                                            connection selected as the private network has more than
                                                            one IP address configured.  Please reconfigure the LAN
                                                            connection with a single IP address before enabling
                                                            Internet Connection Sharing. */
#define ERROR_FAILED_TO_ENCRYPT                      768 /* The connection attempt failed because of failure to
                                                            encrypt data. */
#define ERROR_BAD_ADDRESS_SPECIFIED                  769 /* The specified destination is not reachable. */
#define ERROR_CONNECTION_REJECT                      770 /* The remote computer rejected the connection attempt. */
#define ERROR_CONGESTION                             771 /* The connection attempt failed because the network is
                                                            busy. */
#define ERROR_INCOMPATIBLE                           772 /* The remote computer's network hardware is incompatible
                                                            with the type of call requested. */
#define ERROR_NUMBERCHANGED                          773 /* The connection attempt failed because the destination
                                                            number has changed. */
#define ERROR_TEMPFAILURE                            774 /* The connection attempt failed because of a temporary
                                                            failure.  Try connecting again. */
#define ERROR_BLOCKED                                775 /* The call was blocked by the remote computer. */
#define ERROR_DONOTDISTURB                           776 /* The call could not be connected because the remote
                                                            computer has invoked the Do Not Disturb feature. */
#define ERROR_OUTOFORDER                             777 /* The connection attempt failed because the modem (or other
                                                            connecting device) on the remote computer is out of
                                                            order. */
#define ERROR_UNABLE_TO_AUTHENTICATE_SERVER          778 /* It was not possible to verify the identity of the
                                                            server. */
#define ERROR_SMART_CARD_REQUIRED                    779 /* To dial out using this connection you must use a smart
                                                            card. */
#define ERROR_INVALID_FUNCTION_FOR_ENTRY             780 /* An attempted function is not valid for this connection. */
#define ERROR_CERT_FOR_ENCRYPTION_NOT_FOUND          781 /* The connection requires a certificate, and no valid
                                                            certificate was found.  For further assistance, click More
                                                            Info or search Help and Support Center for this error
                                                            number. */
#define ERROR_SHARING_RRAS_CONFLICT                  782 /* Internet Connection Sharing (ICS) and Internet Connection
                                                            Firewall (ICF) cannot be enabled because Routing and
                                                            Remote Access has been enabled on this computer.  To
                                                            enable ICS or ICF, first disable Routing and Remote
                                                            Access.  For more information about Routing and Remote
                                                            Access, ICS, or ICF, see Help and Support. */
#define ERROR_SHARING_NO_PRIVATE_LAN                 783 /* Internet Connection Sharing cannot be enabled.  The LAN
                                                            connection selected as the private network is either not
                                                            present, or is disconnected from the network.  Please
                                                            ensure that the LAN adapter is connected before enabling
                                                            Internet Connection Sharing. */
#define ERROR_NO_DIFF_USER_AT_LOGON                  784 /* You cannot dial using this connection at logon time,
                                                            because it is configured to use a user name different than
                                                            the one on the smart card.  If you want to use it at logon
                                                            time, you must configure it to use the user name on the
                                                            smart card. */
#define ERROR_NO_REG_CERT_AT_LOGON                   785 /* You cannot dial using this connection at logon time,
                                                            because it is not configured to use a smart card.  If you
                                                            want to use it at logon time, you must edit the properties
                                                            of this connection so that it uses a smart card. */
#define ERROR_OAKLEY_NO_CERT                         786 /* The connection attempt failed because there is no valid
                                                            machine certificate on your computer for security
                                                            authentication. */
#define ERROR_OAKLEY_AUTH_FAIL                       787 /* The L2TP connection attempt failed because the security
                                                            layer could not authenticate the remote computer. */
#define ERROR_OAKLEY_ATTRIB_FAIL                     788 /* The L2TP connection attempt failed because the security
                                                            layer could not negotiate compatible parameters with the
                                                            remote computer. */
#define ERROR_OAKLEY_GENERAL_PROCESSING              789 /* The L2TP connection attempt failed because the security
                                                            layer encountered a processing error during initial
                                                            negotiations with the remote computer. */
#define ERROR_OAKLEY_NO_PEER_CERT                    790 /* The L2TP connection attempt failed because certificate
                                                            validation of the remote computer failed. */
#define ERROR_OAKLEY_NO_POLICY                       791 /* The L2TP connection attempt failed because security policy
                                                            for the connection was not found. */
#define ERROR_OAKLEY_TIMED_OUT                       792 /* The L2TP connection attempt failed because security
                                                            negotiation timed out. */
#define ERROR_OAKLEY_ERROR                           793 /* The L2TP connection attempt failed because an error
                                                            occurred while negotiating security. */
#define ERROR_UNKNOWN_FRAMED_PROTOCOL                794 /* The Framed Protocol RADIUS attribute for this user is not
                                                            PPP. */
#define ERROR_WRONG_TUNNEL_TYPE                      795 /* The remote connection request was denied because the VPN
                                                            tunnel type being used is not allowed. */
#define ERROR_UNKNOWN_SERVICE_TYPE                   796 /* The Service Type RADIUS attribute for this user is neither
                                                            Framed nor Callback Framed. */
#define ERROR_CONNECTING_DEVICE_NOT_FOUND            797 /* A connection to the remote access server was not made
                                                            because the modem was not found. */
#define ERROR_NO_EAPTLS_CERTIFICATE                  798 /* A certificate could not be found that can be used with
                                                            this Extensible Authentication Protocol. */
#define ERROR_SHARING_HOST_ADDRESS_CONFLICT          799 /* Internet Connection Sharing (ICS) cannot be enabled due to
                                                            an IP address conflict on the network.  ICS requires the
                                                            host be configured to use 192.168.137.1.  Please ensure
                                                            that no other client on the network is configured to use
                                                            192.168.137.1. */
#define ERROR_AUTOMATIC_VPN_FAILED                   800 /* The remote connection was not made because the attempted
                                                            VPN tunnels failed. The VPN server might be unreachable.
                                                            If this connection is attempting to use an L2TP/IPsec
                                                            tunnel, the security parameters required for IPsec
                                                            negotiation might not be configured properly. */
#define ERROR_VALIDATING_SERVER_CERT                 801 /* This connection is configured to validate the identity of
                                                            the access server, but Windows cannot verify the digital
                                                            certificate sent by the server. */
#define ERROR_READING_SCARD                          802 /* The card supplied was not recognized.  Please check that
                                                            the card is inserted correctly, and fits tightly. */
#define ERROR_INVALID_PEAP_COOKIE_CONFIG             803 /* The PEAP configuration stored in the session cookie does
                                                            not match the current session configuration. */
#define ERROR_INVALID_PEAP_COOKIE_USER               804 /* The PEAP identity stored in the session cookie does not
                                                            match the current identity. */
#define ERROR_INVALID_MSCHAPV2_CONFIG                805 /* You cannot dial using this connection at logon time,
                                                            because it is configured to use logged on user's
                                                            credentials. */
#define ERROR_VPN_GRE_BLOCKED                        806 /* The VPN connection between your computer and the VPN
                                                            server could not be completed. The most common cause for
                                                            this failure is that at least one Internet device (for
                                                            example, a firewall or a router) between your computer and
                                                            the VPN server is not configured to allow Generic Routing
                                                            Encapsulation (GRE) protocol packets. If the problem
                                                            persists, contact your network administrator or Internet
                                                            Service Provider. */
#define ERROR_VPN_DISCONNECT                         807 /* The network connection between your computer and the VPN
                                                            server was interrupted.  This can be caused by a problem
                                                            in the VPN transmission and is commonly the result of
                                                            internet latency or simply that your VPN server has
                                                            reached capacity.  Please try to reconnect to the VPN
                                                            server.  If this problem persists, contact the VPN
                                                            administrator and analyze quality of network
                                                            connectivity. */
#define ERROR_VPN_REFUSED                            808 /* The network connection between your computer and the VPN
                                                            server could not be established because the remote server
                                                            refused the connection. This is typically caused by a
                                                            mismatch between the server's configuration and your
                                                            connection settings. Please contact the remote server's
                                                            Administrator to verify the server configuration and your
                                                            connection settings. */
#define ERROR_VPN_TIMEOUT                            809 /* The network connection between your computer and the VPN
                                                            server could not be established because the remote server
                                                            is not responding. This could be because one of the
                                                            network devices (e.g, firewalls, NAT, routers, etc)
                                                            between your computer and the remote server is not
                                                            configured to allow VPN connections. Please contact your
                                                            Administrator or your service provider to determine which
                                                            device may be causing the problem. */
#define ERROR_VPN_BAD_CERT                           810 /* A network connection between your computer and the VPN
                                                            server was started, but the VPN connection was not
                                                            completed. This is typically caused by the use of an
                                                            incorrect or expired certificate for authentication
                                                            between the client and the server. Please contact your
                                                            Administrator to ensure that the certificate being used
                                                            for authentication is valid. */
#define ERROR_VPN_BAD_PSK                            811 /* The network conection between your computer and the VPN
                                                            server could not be established because the remote server
                                                            is not responding.  This is typically caused by a
                                                            pre-shared key problem between the client and server.  A
                                                            pre-shared key is used to guarantee you are who you say
                                                            you are in an IP Security (IPSec) communication
                                                            cycle.  Please get the assistance of your administrator to
                                                            determine where the pre-shared key problem is
                                                            originating. */
#define ERROR_SERVER_POLICY                          812 /* The connection was prevented because of a policy
                                                            configured on your RAS/VPN server. Specifically, the
                                                            authentication method used by the server to verify your
                                                            username and password may not match the authentication
                                                            method configured in your connection profile. Please
                                                            contact the Administrator of the RAS server and notify
                                                            them of this error. */
#define ERROR_BROADBAND_ACTIVE                       813 /* You have attempted to establish a second broadband
                                                            connection while a previous broadband connection is
                                                            already established using the same device or port. Please
                                                            disconnect the earlier connection and then reestablish the
                                                            connection. */
#define ERROR_BROADBAND_NO_NIC                       814 /* The underlying Ethernet connectivity required for the
                                                            broadband connection was not found. Please install and
                                                            enable the Ethernet adapter on your computer via the
                                                            Network Connections folder before attempting this
                                                            connection. */
#define ERROR_BROADBAND_TIMEOUT                      815 /* The broadband network conection could not be established
                                                            on your computer because the remote server is not
                                                            responding. This could be caused by an invalid value for
                                                            the 'Service Name' field for this connection. Please
                                                            contact your Internet Service Provider and inquire about
                                                            the correct value for this field and update it in the
                                                            Connection Properties. */
#define ERROR_FEATURE_DEPRECATED                     816 /* A feature or setting you have tried to enable is no longer
                                                            supported by the remote access service. */
#define ERROR_CANNOT_DELETE                          817 /* Cannot delete a connection while it is connected. */
#define ERROR_RASQEC_RESOURCE_CREATION_FAILED        818 /* The Network Access Protection (NAP) enforcement client
                                                            could not create system resources for remote access
                                                            connections. Some network services or resources might not
                                                            be available. If the problem persists, disconnect and
                                                            retry the remote access connection or contact the
                                                            administrator for the remote access server. */
#define ERROR_RASQEC_NAPAGENT_NOT_ENABLED            819 /* The Network Access Protection Agent (NAPAgent) service has
                                                            been disabled or is not installed on this computer. Some
                                                            network services or resources might not be available. If
                                                            the problem persists, disconnect and retry the remote
                                                            access connection or contact the administrator for the
                                                            remote access server. */
#define ERROR_RASQEC_NAPAGENT_NOT_CONNECTED          820 /* The Network Access Protection (NAP) enforcement client
                                                            failed to register with the Network Access Protection
                                                            Agent (NAPAgent) service. Some network services or
                                                            resources might not be available. If the problem persists,
                                                            disconnect and retry the remote access connection or
                                                            contact the administrator for the remote access server. */
#define ERROR_RASQEC_CONN_DOESNOTEXIST               821 /* The Network Access Protection (NAP) enforcement client was
                                                            unable to process the request because the remote access
                                                            connection does not exist. Retry the remote access
                                                            connection. If the problem persists, make sure that you
                                                            can connect to the Internet, and then contact the
                                                            administrator for the remote access server. */
#define ERROR_RASQEC_TIMEOUT                         822 /* The Network Access Protection (NAP) enforcement client did
                                                            not respond. Some network services or resources might not
                                                            be available. If the problem persists, disconnect and
                                                            retry the remote access connection or contact the
                                                            administrator for the remote access server. */
#define ERROR_PEAP_CRYPTOBINDING_INVALID             823 /* Received Crypto-Binding TLV is invalid. */
#define ERROR_PEAP_CRYPTOBINDING_NOTRECEIVED         824 /* Crypto-Binding TLV is not received. */
#define ERROR_INVALID_VPNSTRATEGY                    825 /* The remote connection was not made because Point-to-Point
                                                            Tunneling Protocol (PPTP) is incompatible with IPv6. Use
                                                            any other tunneling protocol. */
#define ERROR_EAPTLS_CACHE_CREDENTIALS_INVALID       826 /* EAPTLS validation of the cached credentials failed. Please
                                                            discard cached credentials. */
#define ERROR_IPSEC_SERVICE_STOPPED                  827 /* The VPN connection cannot be completed because the 'IKE
                                                            and AuthIP IPSec Keying Modules' service and/or the 'Base
                                                            Filtering Engine' service is not running. These services
                                                            are required to establish the connection. Please ensure
                                                            that these services have been started before dialing the
                                                            connection. */
#define ERROR_IDLE_TIMEOUT                           828 /* The connection was terminated because of idle timeout. */
#define ERROR_LINK_FAILURE                           829 /* The modem (or other connecting device) was disconnected
                                                            due to link failure. */
#define ERROR_USER_LOGOFF                            830 /* The connection was terminated because user logged off. */
#define ERROR_FAST_USER_SWITCH                       831 /* The connection was terminated because user switch
                                                            happened. */
#define ERROR_HIBERNATION                            832 /* The connection was terminated because of hibernation. */
#define ERROR_SYSTEM_SUSPENDED                       833 /* The connection was terminated because the system got
                                                            suspended. */
#define ERROR_RASMAN_SERVICE_STOPPED                 834 /* The connection was terminated because Remote Access
                                                            Connection manager stopped. */
#define ERROR_INVALID_SERVER_CERT                    835 /* The L2TP connection attempt failed because the security
                                                            layer could not authenticate the remote computer. This
                                                            could be because one or more fields of the certificate
                                                            presented by the remote server could not be validated as
                                                            belonging to the target destination. */
#define ERROR_NOT_NAP_CAPABLE                        836 /* The Network Access Protection (NAP) health state of the
                                                            computer cannot be determined. Contact your administrator
                                                            to verify that the NAP enforcement client is enabled, the
                                                            NAP Agent service is running, and NAP is enforced in the
                                                            Protected Extensible Authentication Protocol (PEAP)
                                                            properties of the remote access connection. */
#define ERROR_INVALID_TUNNELID                       837 /* Invalid Tunnel ID. */
#define ERROR_UPDATECONNECTION_REQUEST_IN_PROCESS    838 /* Another Update connection request is in progress. RAS
                                                            allows only one Update Connection request at a time. */
#define ERROR_PROTOCOL_ENGINE_DISABLED               839 /* Negotiating using configured protocol is disable. Edit
                                                            connection properties and select different protocol for
                                                            negotiation and try again. */
#define ERROR_INTERNAL_ADDRESS_FAILURE               840 /* Internal address negotiation failed. */
#define ERROR_FAILED_CP_REQUIRED                     841 /* Client has to request a Internal IPv4 or IPv6 address. */
#define ERROR_TS_UNACCEPTABLE                        842 /* Traffic Selectors negotiation failed. */
#define ERROR_MOBIKE_DISABLED                        843 /* Mobility is disabled for this connection. */
#define ERROR_CANNOT_INITIATE_MOBIKE_UPDATE          844 /* The VPN Connection is still connecting or reauthenticating
                                                            because of Quarantine state change. Initiate mobike update
                                                            only when connection state is 'Connected'. */
#define ERROR_PEAP_SERVER_REJECTED_CLIENT_TLV        845 /* Server rejected client authentication, due unexpected TLV
                                                            or value mismatch for a TLV. */
#define ERROR_INVALID_PREFERENCES                    846 /* Either VPN Destination preference is not selected by the
                                                            user or it is no longer valid. */
#define ERROR_EAPTLS_SCARD_CACHE_CREDENTIALS_INVALID 847 /* Cached smart card credential is invalid. */
#define ERROR_SSTP_COOKIE_SET_FAILURE                848 /* VPN connection attempt failed due to internal error
                                                            occurred while adding cookies to the Secure Socket
                                                            Tunneling Protocol (SSTP). Please see the System Event Log
                                                            for the detailed information. */
#define ERROR_INVALID_PEAP_COOKIE_ATTRIBUTES         849 /* The PEAP inner method attributes stored in the cookie is
                                                            invalid */
#define ERROR_EAP_METHOD_NOT_INSTALLED               850 /* The Extensible Authentication Protocol type required for
                                                            authentication of the remote access connection is not
                                                            installed on your computer. */
#define ERROR_EAP_METHOD_DOES_NOT_SUPPORT_SSO        851 /* The Extensible Authentication Protocol type configured on
                                                            the remote access connection does not support single
                                                            sign-on. */
#define ERROR_EAP_METHOD_OPERATION_NOT_SUPPORTED     852 /* The Extensible Authentication Protocol type configured on
                                                            the remote access connection does not support the
                                                            requested operation. */
#define ERROR_EAP_USER_CERT_INVALID                  853 /* The remote access connection completed, but authentication
                                                            failed because the certificate that authenticates the
                                                            client to the server is not valid. Ensure that the
                                                            certificate used for authentication is valid. */
#define ERROR_EAP_USER_CERT_EXPIRED                  854 /* The remote access connection completed, but authentication
                                                            failed because the certificate that authenticates the
                                                            client to the server is expired. Renew the certificate. */
#define ERROR_EAP_USER_CERT_REVOKED                  855 /* The remote access connection completed, but authentication
                                                            failed because the certificate that authenticates the
                                                            client to the server is revoked. */
#define ERROR_EAP_USER_CERT_OTHER_ERROR              856 /* The remote access connection completed, but authentication
                                                            failed because of an error in the certificate that
                                                            authenticates the client to the server. */
#define ERROR_EAP_SERVER_CERT_INVALID                857 /* The remote access connection completed, but authentication
                                                            failed because the certificate that the client uses to
                                                            authenticate the server is not valid. */
#define ERROR_EAP_SERVER_CERT_EXPIRED                858 /* The remote access connection completed, but authentication
                                                            failed because the certificate that the client uses to
                                                            authenticate the server is expired. */
#define ERROR_EAP_SERVER_CERT_REVOKED                859 /* The remote access connection completed, but authentication
                                                            failed because the certificate that the client uses to
                                                            authenticate the server is revoked. */
#define ERROR_EAP_SERVER_CERT_OTHER_ERROR            860 /* The remote access connection completed, but authentication
                                                            failed because of an error in the certificate that the
                                                            client uses to authenticate the server. */
#define ERROR_EAP_USER_ROOT_CERT_NOT_FOUND           861 /* The remote access connection completed, but authentication
                                                            failed because a trusted root certificate that validates
                                                            the user certificate was not found in the Trusted Root
                                                            Certification Authorities certificate store. */
#define ERROR_EAP_USER_ROOT_CERT_INVALID             862 /* The remote access connection completed, but authentication
                                                            failed because the trusted root certificate that is used
                                                            to validate the user certificate is not valid. */
#define ERROR_EAP_USER_ROOT_CERT_EXPIRED             863 /* The remote access connection completed, but authentication
                                                            failed because the certificate in the Trusted Root
                                                            Certification Authorities certificate store that
                                                            authenticates the user certificate is expired. Renew the
                                                            certificate. */
#define ERROR_EAP_SERVER_ROOT_CERT_NOT_FOUND         864 /* The remote access connection completed, but authentication
                                                            failed because a certificate that validates the server
                                                            certificate was not found in the Trusted Root
                                                            Certification Authorities certificate store. */
#define ERROR_EAP_SERVER_ROOT_CERT_INVALID           865 /* The remote zccess connection completed, but authentication
                                                            failed because the certificate in the Trusted Root
                                                            Certification Authorities certificate store that validates
                                                            the server certificate is not valid. */
#define ERROR_EAP_SERVER_ROOT_CERT_NAME_REQUIRED     866 /* The remote access connection completed, but authentication
                                                            failed because the certificate on the server computer does
                                                            not have a server name specified. */
#define ERROR_PEAP_IDENTITY_MISMATCH                 867 /* The PEAP outer identity is not same as the inner identity
                                                            when identity privacy is turned OFF. */
#define ERROR_DNSNAME_NOT_RESOLVABLE                 868 /* The remote connection was not made because the name of the
                                                            remote access server did not resolve. */
#define ERROR_EAPTLS_PASSWD_INVALID                  869 /* Password provided for certificate is not valid. */
#define ERROR_IKEV2_PSK_INTERFACE_ALREADY_EXISTS     870 /* The Interface  could not be enabled as more than one
                                                            interface with same destination has been created with
                                                            authentication method as Pre Shared Key. Change the
                                                            destination/auth method and enable the interface. */
#define ERROR_INVALID_DESTINATION_IP                 871 /* The Interface could not be enabled as no valid destination
                                                            is found for it. Ensure that a valid/resolvable
                                                            destination IP is configured and try again. */
#define ERROR_INVALID_INTERFACE_CONFIG               872 /* The configuration for the interface is not valid */
#define ERROR_VPN_PLUGIN_GENERIC                     873 /* Couldn't connect to the VPN. */
#define ERROR_SSO_CERT_MISSING                       874 /* Couldn't connect because we couldn't find a certificate
                                                            for single sign-on. Please contact your support person. */
#define ERROR_DEVICE_COMPLIANCE                      875 /* Couldn't connect because there was a problem with device
                                                            compliance. */
#define ERROR_PLUGIN_NOT_INSTALLED                   876 /* The app %1!ws! is required for this VPN connection. Please
                                                            download it in the Microsoft Store or contact your IT
                                                            administrators. */
#define ERROR_ACTION_REQUIRED                        877 /* The connection requires an input state from the user. */

#define RASBASEEND 877

#endif /* NETROUTER_RASERROR_H */
